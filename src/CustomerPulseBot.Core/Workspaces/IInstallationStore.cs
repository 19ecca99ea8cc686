namespace CustomerPulseBot.Core.Workspaces;

/// <summary>Installations by platform and external id (team, org or tenant); a re-install replaces the row.</summary>
public interface IInstallationStore
{
    Task SaveInstallationAsync(Installation installation, CancellationToken ct);

    Task<Installation?> FindInstallationAsync(Platform platform, string externalId, CancellationToken ct);

    /// <summary>True when there was an installation to remove.</summary>
    Task<bool> RemoveInstallationAsync(Platform platform, string externalId, CancellationToken ct);
}
