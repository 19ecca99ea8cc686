using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests.Slack;

/// <summary>Scheduled posts (digests, briefs, ship notices) through the Slack poster to the fake Web API.</summary>
public sealed class SlackPosterTests
{
    private static readonly NoticeView Digest = new("Daily digest", "3 fresh quotes");
    private static readonly DeliveryTag Tag = new("digest:test", DateTimeOffset.Parse("2026-12-01T09:00:00Z"), MayHavePosted: false);

    [Fact]
    public async Task PostsIntoTheChannelWithTheWorkspaceToken()
    {
        await using var host = await SlackHost.StartAsync();
        var workspace = await host.WorkspaceAsync();

        var sent = await Poster(host).PostAsync(workspace.Id, new ChatDestination("C0DIGEST1", Direct: false), Digest, Tag, CancellationToken.None);

        Assert.Equal(PostResult.Posted, sent);
        var call = await host.Api.WaitForAsync("chat.postMessage");
        Assert.Equal($"Bearer {SlackHost.BotToken}", call.Authorization);
        Assert.Equal("C0DIGEST1", (string?)call.Json?["channel"]);
        Assert.Contains("3 fresh quotes", SlackHost.Texts(call.Json?["blocks"]));
    }

    [Fact]
    public async Task SendsADirectMessage_ByPostingToTheUserId()
    {
        await using var host = await SlackHost.StartAsync();
        var workspace = await host.WorkspaceAsync();

        var sent = await Poster(host).PostAsync(workspace.Id, new ChatDestination("U0LEAD001", Direct: true), Digest, Tag, CancellationToken.None);

        Assert.Equal(PostResult.Posted, sent);
        Assert.Equal("U0LEAD001", (string?)(await host.Api.WaitForAsync("chat.postMessage")).Json?["channel"]);
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("is_archived")]
    [InlineData("not_in_channel")]
    public async Task SaysTheChannelIsGone_WhenSlackRefusesIt(string error)
    {
        await using var host = await SlackHost.StartAsync();
        var workspace = await host.WorkspaceAsync();
        host.Api.AnswerNext("chat.postMessage", 200, $$"""{"ok":false,"error":"{{error}}"}""");

        var sent = await Poster(host).PostAsync(workspace.Id, new ChatDestination("C0GONE001", Direct: false), Digest, Tag, CancellationToken.None);

        Assert.Equal(PostResult.Gone, sent);
    }

    [Fact]
    public async Task Throws_WhenSlackFailsInAWayARetryMayGetPast()
    {
        await using var host = await SlackHost.StartAsync();
        var workspace = await host.WorkspaceAsync();
        host.Api.AnswerNext("chat.postMessage", 500, "oops");

        await Assert.ThrowsAnyAsync<Exception>(() =>
            Poster(host).PostAsync(workspace.Id, new ChatDestination("C0DIGEST1", Direct: false), Digest, Tag, CancellationToken.None));
    }

    [Fact]
    public async Task PostsNothing_ForATeamItHasNoTokenFor()
    {
        await using var host = await SlackHost.StartAsync();
        var other = await host.Store.ResolveWorkspaceAsync(Platform.Slack, "TOTHER999", "other", CancellationToken.None);

        var sent = await Poster(host).PostAsync(other.Id, new ChatDestination("C0DIGEST1", Direct: false), Digest, Tag, CancellationToken.None);

        Assert.Equal(PostResult.TokenRevoked, sent);
        Assert.DoesNotContain(host.Api.Calls, c => c.Method == "chat.postMessage");
    }

    private static IChatPoster Poster(SlackHost host) =>
        host.App.Services.GetServices<IChatPoster>().Single(p => p.Platform == Platform.Slack);
}
