namespace CustomerPulseBot.Web.Tests.Faults;

/// <summary>
/// The fault tests run one at a time and alone: each bounds reply times by the protocol's deadline, and a stalled
/// database blocks threads (SQLite's busy wait, Npgsql's cancel request), so faults of several tests at once in one
/// process would measure each other instead of the app.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DatabaseFaults
{
    public const string Name = "Database faults";
}
