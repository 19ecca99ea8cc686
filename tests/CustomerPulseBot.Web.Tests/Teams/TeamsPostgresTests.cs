using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Teams;
using CustomerPulseBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests.Teams;

/// <summary>The Teams paths that write to the database, on PostgreSQL: a capture, an install, a proactive post, an uninstall.</summary>
[Collection(PostgresDatabase.Name)]
public sealed class TeamsPostgresTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly TeamsHost host = TeamsHost.OnPostgres(postgres.ConnectionString);

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task CapturesInstallsPostsAndForgets_WhenTheStoreIsPostgres()
    {
        var chat = TeamsActivities.NewConversation();
        var quote = $"Audit export drops rows over 10k {Guid.NewGuid():N}";
        var install = TeamsActivities.Base("installationUpdate", host.Connector.ServiceUrl, chat, "personal", TeamsHost.Tenant, new() { ["action"] = "add" });
        var uninstall = TeamsActivities.Base("installationUpdate", host.Connector.ServiceUrl, chat, "personal", TeamsHost.Tenant, new() { ["action"] = "remove" });

        var installed = await host.PostAsync(install);
        var captured = await host.PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, chat, $"{quote} customer:Hooli"));
        var workspace = await host.WorkspaceAsync();
        var posted = await host.App.Services.GetRequiredService<ProactiveMessages>().SendAsync(workspace.Id, chat, new NoticeView("Digest", "1 fresh quote"), CancellationToken.None);
        var removed = await host.PostAsync(uninstall);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (installed.StatusCode, captured.StatusCode, removed.StatusCode));
        Assert.True(posted);
        Assert.Equal("Hooli", Assert.Single(await host.Store.FindSignalsAsync(workspace.Id, new SignalFilter(Text: quote), 5, CancellationToken.None)).Customer);
        Assert.Equal(2, host.CallsFor(chat).Count);
        var references = host.App.Services.GetRequiredService<IConversationReferences>();
        Assert.Null(await references.FindConversationAsync(workspace.Id, chat, CancellationToken.None));
    }

    [Fact]
    public async Task StoresAndRepliesOnce_WhenTeamsSendsTheSameMessageAgainToAnotherHost()
    {
        var other = TeamsHost.OnPostgres(postgres.ConnectionString);
        await other.InitializeAsync();
        try
        {
            var chat = TeamsActivities.NewConversation();
            var quote = $"Invoices show the wrong currency {Guid.NewGuid():N}";
            var activity = TeamsActivities.Message(host.Connector.ServiceUrl, chat, quote);

            var first = await host.PostAsync(activity);
            var again = await other.PostAsync(activity);

            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
            Assert.Single(await host.Store.FindSignalsAsync((await host.WorkspaceAsync()).Id, new SignalFilter(Text: quote), 5, CancellationToken.None));
            Assert.Single(host.CallsFor(chat));
            Assert.Contains(other.Logs.Entries, e => e.Message.Contains("again", StringComparison.Ordinal) && (string?)e["ActivityId"] == (string?)activity["id"]);
        }
        finally
        {
            await other.DisposeAsync();
        }
    }
}
