using System.Data.Common;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>Installations (migration 0002), in the same portable SQL as the rest of the store.</summary>
internal abstract partial class SqlPulseStore : IInstallationStore
{
    private const string InstallationColumns =
        "platform, external_id, enterprise_id, is_enterprise_install, protected_token, bot_user_id, scopes, installed_by, installed_at";

    public async Task SaveInstallationAsync(Installation installation, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"""
            INSERT INTO installations ({InstallationColumns})
            VALUES (@platform, @external_id, @enterprise_id, @is_enterprise_install, @protected_token, @bot_user_id, @scopes, @installed_by, @installed_at)
            ON CONFLICT (platform, external_id) DO UPDATE SET
                enterprise_id = excluded.enterprise_id, is_enterprise_install = excluded.is_enterprise_install,
                protected_token = excluded.protected_token, bot_user_id = excluded.bot_user_id, scopes = excluded.scopes,
                installed_by = excluded.installed_by, installed_at = excluded.installed_at
            """)
            .With("@platform", Rows.Word(installation.Platform))
            .With("@external_id", installation.ExternalId)
            .With("@enterprise_id", installation.EnterpriseId)
            .With("@is_enterprise_install", installation.IsEnterpriseInstall)
            .With("@protected_token", installation.ProtectedToken)
            .With("@bot_user_id", installation.BotUserId)
            .With("@scopes", installation.Scopes)
            .With("@installed_by", installation.InstalledBy)
            .With("@installed_at", Rows.Millis(installation.InstalledAt));
        await command.ExecuteNonQueryAsync(ct);
    }

    public Task<Installation?> FindInstallationAsync(Platform platform, string externalId, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command(
                $"SELECT {InstallationColumns} FROM installations WHERE platform = @platform AND external_id = @external_id")
            .With("@platform", Rows.Word(platform))
            .With("@external_id", externalId);
        return await command.SingleOrDefaultAsync(ReadInstallation, ct);
    }, ct);

    public Task<bool> RemoveInstallationAsync(Platform platform, string externalId, CancellationToken ct) => OnceAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("DELETE FROM installations WHERE platform = @platform AND external_id = @external_id")
            .With("@platform", Rows.Word(platform))
            .With("@external_id", externalId);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }, ct);

    private static Installation ReadInstallation(DbDataReader r) => new(
        Enum.Parse<Platform>(r.GetString(0), ignoreCase: true),
        r.GetString(1),
        r.IsDBNull(2) ? null : r.GetString(2),
        r.GetBoolean(3),
        r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        Rows.Time(r.GetInt64(8)));
}
