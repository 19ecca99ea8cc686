using CustomerPulseBot.Core;
using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>API keys and finding a workspace for the command line (migration 0012), the same on SQLite and PostgreSQL.</summary>
public abstract class ApiKeyStoreContractTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-03-02T10:00:00Z");
    private readonly CancellationToken ct = CancellationToken.None;

    protected abstract IPulseStore Store { get; }

    private IApiKeyStore Keys => (IApiKeyStore)Store;

    [Fact]
    public async Task FindsAKeyByItsHash_UntilItIsRevoked()
    {
        var workspace = await NewWorkspaceAsync();
        var key = Key(workspace, "Zapier", ApiKeyScope.Write);
        var hash = ApiKeys.Hash("pk_zapier");

        var added = await Keys.AddApiKeyAsync(key, hash, ct);
        var found = await Keys.FindApiKeyAsync(hash, ct);
        var revoked = await Keys.RevokeApiKeyAsync(workspace.Id, "ZAPIER ", At.AddDays(1), ct);

        Assert.True(added);
        Assert.Equal(key, found);
        Assert.Equal(key with { RevokedAt = At.AddDays(1) }, revoked);
        Assert.Null(await Keys.FindApiKeyAsync(hash, ct));
        Assert.Null(await Keys.FindApiKeyAsync(ApiKeys.Hash("pk_other"), ct));
        Assert.Null(await Keys.RevokeApiKeyAsync(workspace.Id, "zapier", At.AddDays(2), ct));
        Assert.Empty(await Keys.ListApiKeysAsync(workspace.Id, ct));
    }

    [Fact]
    public async Task RefusesASecondKeyOfOneName_InAnyCase_UntilTheFirstIsRevoked()
    {
        var workspace = await NewWorkspaceAsync();
        await Keys.AddApiKeyAsync(Key(workspace, "Zendesk"), ApiKeys.Hash("pk_1"), ct);

        var clash = await Keys.AddApiKeyAsync(Key(workspace, "ZENDESK"), ApiKeys.Hash("pk_2"), ct);
        await Keys.RevokeApiKeyAsync(workspace.Id, "zendesk", At, ct);
        var after = await Keys.AddApiKeyAsync(Key(workspace, "zendesk"), ApiKeys.Hash("pk_3"), ct);

        Assert.Equal((false, true), (clash, after));
        Assert.Null(await Keys.FindApiKeyAsync(ApiKeys.Hash("pk_2"), ct));
        Assert.Equal(["zendesk"], (await Keys.ListApiKeysAsync(workspace.Id, ct)).Select(k => k.Name));
    }

    [Fact]
    public async Task ListsTheWorkspacesKeysOldestFirst_AndNoOtherWorkspaces()
    {
        var mine = await NewWorkspaceAsync();
        var other = await NewWorkspaceAsync();
        var newer = Key(mine, "newer") with { CreatedAt = At.AddHours(1) };
        var older = Key(mine, "older", ApiKeyScope.Write);
        await Keys.AddApiKeyAsync(newer, ApiKeys.Hash($"pk_{Guid.NewGuid()}"), ct);
        await Keys.AddApiKeyAsync(older, ApiKeys.Hash($"pk_{Guid.NewGuid()}"), ct);
        var theirs = await Keys.AddApiKeyAsync(Key(other, "older"), ApiKeys.Hash($"pk_{Guid.NewGuid()}"), ct);

        var listed = await Keys.ListApiKeysAsync(mine.Id, ct);
        var revokedElsewhere = await Keys.RevokeApiKeyAsync(other.Id, "newer", At, ct);

        Assert.True(theirs);
        Assert.Equal([older, newer], listed);
        Assert.Null(revokedElsewhere);
    }

    [Fact]
    public async Task FindsWorkspacesByIdExternalIdOrName_InAnyCase()
    {
        var name = $"Acme {Guid.NewGuid():N}";
        var slack = await Store.ResolveWorkspaceAsync(Platform.Slack, $"T{Guid.NewGuid():N}", name, ct);
        var teams = await Store.ResolveWorkspaceAsync(Platform.Teams, Guid.NewGuid().ToString(), name, ct);

        var byId = await Keys.FindWorkspacesAsync(slack.Id.Value.ToString("N"), ct);
        var byExternalId = await Keys.FindWorkspacesAsync(teams.ExternalId, ct);
        var byName = await Keys.FindWorkspacesAsync($" {name.ToUpperInvariant()} ", ct);
        var none = await Keys.FindWorkspacesAsync($"Nobody {Guid.NewGuid():N}", ct);

        Assert.Equal([slack], byId);
        Assert.Equal([teams], byExternalId);
        Assert.Equal([slack, teams], byName.OrderBy(w => w.Platform));
        Assert.Empty(none);
    }

    private static ApiKey Key(Workspace workspace, string name, ApiKeyScope scope = ApiKeyScope.Read) =>
        new(Guid.NewGuid(), workspace.Id, name, scope, "x1Z9", At, "Ana");

    private Task<Workspace> NewWorkspaceAsync() =>
        Store.ResolveWorkspaceAsync(Platform.Slack, $"T{Guid.NewGuid():N}", "keys", ct);
}
