namespace CustomerPulseBot.Slack.Workspaces;

/// <summary>
/// A workspace is installed, and its stored bot token cannot be decrypted: the key ring changed since the install (its
/// key lost, another <c>DataProtection:KeyRingKey</c>) or the row was damaged. Only installing the app again mends it.
/// The message is the reply for the person, telling them so; <see cref="SlackLastChance"/> gives it.
/// </summary>
internal sealed class UnreadableTokenException(string reply) : Exception(reply);
