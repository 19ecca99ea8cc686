namespace CustomerPulseBot.Core;

/// <summary>
/// A write was sent to the database but its answer never came (the reply's deadline passed, or the connection was
/// lost while it committed): it may or may not have been saved. Only this says so; any other failure of a write
/// means it was not saved.
/// </summary>
public sealed class SaveUnconfirmedException(string message, Exception? innerException = null) : Exception(message, innerException);
