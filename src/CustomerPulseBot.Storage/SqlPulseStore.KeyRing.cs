namespace CustomerPulseBot.Storage;

/// <summary>The Data Protection key ring's elements (migration 0009), for <see cref="DatabaseKeyRing"/>.</summary>
internal abstract partial class SqlPulseStore
{
    /// <summary>Every element, oldest first: a key another host added is among them as soon as it is committed.</summary>
    public Task<IReadOnlyList<string>> ReadKeyRingAsync(CancellationToken ct) => ReadAsync<IReadOnlyList<string>>(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("SELECT xml FROM data_protection_keys ORDER BY created_at, id");
        return await command.ListAsync(r => r.GetString(0), ct);
    }, ct);

    /// <summary>Adds an element; names need not be unique (two revocations may share one), so each row has an id of its own.</summary>
    public Task AddToKeyRingAsync(string name, string xml, CancellationToken ct) => WriteAsync(async (connection, transaction, ct) =>
    {
        await using var command = connection.Command("""
            INSERT INTO data_protection_keys (id, name, xml, created_at) VALUES (@id, @name, @xml, @created_at)
            """, transaction)
            .With("@id", Guid.CreateVersion7(Clock.GetUtcNow()))
            .With("@name", name)
            .With("@xml", xml)
            .With("@created_at", Rows.Millis(Clock.GetUtcNow()));
        return await command.ExecuteNonQueryAsync(ct);
    }, oneCommand: true, ct);

    /// <summary>
    /// Runs <paramref name="open"/> while no other host runs its own: see <see cref="StorageSetup.OpenKeyRingAsync"/>.
    /// SQLite serves one host, so there is nobody to wait for.
    /// </summary>
    public virtual Task WithKeyRingLockAsync(Action open, CancellationToken ct)
    {
        open();
        return Task.CompletedTask;
    }
}
