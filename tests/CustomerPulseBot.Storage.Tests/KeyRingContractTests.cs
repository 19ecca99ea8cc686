using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>
/// The Data Protection key ring kept in the store's database (migration 0009), the same on SQLite and PostgreSQL. Each
/// "host" is a service provider of its own on the same database, as two processes would be.
/// </summary>
public abstract class KeyRingContractTests : IAsyncLifetime
{
    /// <summary>The settings of a new, migrated database of this test's own.</summary>
    protected abstract Task<Dictionary<string, string?>> NewDatabaseAsync();

    protected Dictionary<string, string?> Database { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Database = await NewDatabaseAsync();
        await using var services = Host(Database);
        await services.MigrateStorageAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected static ServiceProvider Host(Dictionary<string, string?> database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database).Build();
        var services = new ServiceCollection().AddLogging().AddPulseStorage(configuration);
        services.AddDataProtection().SetApplicationName("KeyRingContractTests").PersistKeysToPulseStore();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task ReadsWhatAnotherHostProtected_WhenBothKeepTheRingInOneDatabase()
    {
        await using var first = Host(Database);
        await using var second = Host(Database);
        await first.OpenKeyRingAsync();
        var stored = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("token").Protect("xoxb-stored-by-the-first");

        await second.OpenKeyRingAsync();
        var read = second.GetRequiredService<IDataProtectionProvider>().CreateProtector("token").Unprotect(stored);

        Assert.Equal("xoxb-stored-by-the-first", read);
        Assert.Single(first.GetRequiredService<IKeyManager>().GetAllKeys());
    }

    [Fact]
    public async Task ReadsEveryElement_WhenTwoHostsEachAddOne()
    {
        await using var first = Host(Database);
        await using var second = Host(Database);
        var firstKey = first.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        var secondKey = second.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));

        var seenByFirst = first.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId);
        var seenBySecond = second.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId);

        Assert.Equal(new[] { firstKey.KeyId, secondKey.KeyId }.Order(), seenByFirst.Order());
        Assert.Equal(seenByFirst.Order(), seenBySecond.Order());
    }
}
