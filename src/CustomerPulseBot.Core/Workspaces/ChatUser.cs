namespace CustomerPulseBot.Core.Workspaces;

/// <summary>A person on a chat platform: the platform's user id and the name to show.</summary>
public sealed record ChatUser(string Id, string Name);
