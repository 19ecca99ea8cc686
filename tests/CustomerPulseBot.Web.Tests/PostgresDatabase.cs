using CustomerPulseBot.TestKit;

namespace CustomerPulseBot.Web.Tests;

/// <summary>The test PostgreSQL database, migrated once per run and shared by every class in the collection.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresDatabase : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
