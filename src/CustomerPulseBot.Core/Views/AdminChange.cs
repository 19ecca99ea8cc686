using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Views;

/// <summary>What <c>admins add</c> or <c>admins remove</c> just did to <paramref name="Person"/>.</summary>
public sealed record AdminChange(ChatUser Person, AdminChangeKind Kind);
