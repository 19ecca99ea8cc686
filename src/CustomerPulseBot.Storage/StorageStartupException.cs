namespace CustomerPulseBot.Storage;

/// <summary>
/// The store cannot be used at start-up, for a reason whoever runs the bot must fix: the database cannot be reached
/// or refuses the credentials, the SQLite file cannot be opened, or a newer build has migrated the schema. The message
/// is one line that names the setting to look at, and never holds a password.
/// </summary>
public sealed class StorageStartupException(string message, Exception? inner = null) : Exception(message, inner);
