using CustomerPulseBot.TestKit;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>The run's PostgreSQL database, migrated once and shared by every PostgreSQL test class.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresDatabase : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
