using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Core.Commands;

/// <summary>One form of a command in the help catalogue: its help topic, the command its example parses to, and its help.</summary>
public sealed record CommandUsage(string Topic, Type Command, HelpEntry Help);
