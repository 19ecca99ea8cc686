using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;
using Polly.Timeout;

namespace CustomerPulseBot.Web.Tests.Slack;

/// <summary>
/// Scheduled posts (digests, briefs, ship notices) through the Slack poster to the fake Web API, over the host's
/// real HTTP client and outbound policy. A post carries its delivery key as message metadata; a retry whose
/// earlier attempt may have posted reads the channel's history for it first.
/// </summary>
public sealed class SlackPosterTests
{
    private static readonly NoticeView Digest = new("Daily digest", "3 fresh quotes");
    private static readonly DeliveryTag Tag = new($"digest:{Guid.NewGuid():N}", DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1), MayHavePosted: false);
    private static readonly DeliveryTag Retry = Tag with { MayHavePosted = true };
    private static readonly ChatDestination Channel = new("C0DIGEST1", Direct: false);

    /// <summary>An attempt's limit short enough for a test to outlast it; Slack's held answer comes later, or never.</summary>
    private static readonly (string, string?) ShortAttempts = ("Outbound:AttemptTimeout", "00:00:00.300");

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

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("token_revoked")]
    [InlineData("account_inactive")]
    public async Task SaysTheTokenStoppedWorking_NotThatTheChannelIsGone_WhenSlackRefusesTheToken(string error)
    {
        await using var host = await SlackHost.StartAsync();
        var workspace = await host.WorkspaceAsync();
        host.Api.AnswerNext("chat.postMessage", 200, $$"""{"ok":false,"error":"{{error}}"}""");

        var sent = await Poster(host).PostAsync(workspace.Id, Channel, Digest, Tag, CancellationToken.None);

        Assert.Equal(PostResult.TokenRevoked, sent);
    }

    [Fact]
    public async Task CarriesTheDeliveryKeyAndOccurrence_InTheMessagesMetadata()
    {
        await using var host = await SlackHost.StartAsync();
        var workspace = await host.WorkspaceAsync();

        await Poster(host).PostAsync(workspace.Id, Channel, Digest, Tag, CancellationToken.None);

        var metadata = (await host.Api.WaitForAsync("chat.postMessage")).Json?["metadata"];
        Assert.Equal("pulse_delivery", (string?)metadata?["event_type"]);
        Assert.Equal(Tag.Key, (string?)metadata?["event_payload"]?["key"]);
        Assert.Equal(Tag.Until, DateTimeOffset.Parse((string)metadata?["event_payload"]?["until"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(host.Api.Calls, c => c.Method == "conversations.history"); // a first attempt does not look
    }

    [Fact]
    public async Task TimesOutAndThenFindsThePostInsteadOfPostingAgain_WhenSlackAnswersAfterTheClientGaveUp()
    {
        await using var host = await SlackHost.StartAsync(ShortAttempts);
        var workspace = await host.WorkspaceAsync();
        host.Api.HoldNext("chat.postMessage", new TaskCompletionSource().Task); // posted at once, answered never

        var timedOut = await Assert.ThrowsAsync<TimeoutRejectedException>(() =>
            Poster(host).PostAsync(workspace.Id, Channel, Digest, Tag, CancellationToken.None));
        var retried = await Poster(host).PostAsync(workspace.Id, Channel, Digest, Retry, CancellationToken.None);

        Assert.Equal(PostResult.FoundPosted, retried);
        Assert.Single(host.Api.Calls, c => c.Method == "chat.postMessage");
        Assert.Single(host.Api.Messages(Channel.Id));
        var look = Assert.Single(host.Api.Calls, c => c.Method == "conversations.history");
        Assert.Equal((Channel.Id, "true"), (look.Form["channel"].ToString(), look.Form["include_all_metadata"].ToString()));
    }

    [Fact]
    public async Task FindsThePostInsteadOfPostingAgain_WhenTheRunDiedBetweenPostingAndRecordingIt()
    {
        await using var host = await SlackHost.StartAsync();
        var workspace = await host.WorkspaceAsync();
        await Poster(host).PostAsync(workspace.Id, Channel, Digest, Tag, CancellationToken.None); // then the run dies, nothing recorded
        await OthersPostAsync(host, 1);

        var retried = await Poster(host).PostAsync(workspace.Id, Channel, Digest, Retry, CancellationToken.None);

        Assert.Equal(PostResult.FoundPosted, retried);
        Assert.Single(host.Api.Calls, c => c.Method == "chat.postMessage" && c.Json?["metadata"]?["event_payload"]?["key"]?.ToString() == Tag.Key);
    }

    [Fact]
    public async Task FindsTheDirectMessage_InTheAppsConversationWithThePerson()
    {
        await using var host = await SlackHost.StartAsync();
        var workspace = await host.WorkspaceAsync();
        var person = new ChatDestination("U0LEAD001", Direct: true);
        await Poster(host).PostAsync(workspace.Id, person, Digest, Tag, CancellationToken.None);

        var retried = await Poster(host).PostAsync(workspace.Id, person, Digest, Retry, CancellationToken.None);

        Assert.Equal(PostResult.FoundPosted, retried);
        var opened = Assert.Single(host.Api.Calls, c => c.Method == "conversations.open");
        Assert.Equal("U0LEAD001", (string?)opened.Json?["users"]);
        Assert.Equal(FakeSlackApi.ConversationOf("U0LEAD001"), host.Api.Calls.Single(c => c.Method == "conversations.history").Form["channel"].ToString());
        Assert.Single(host.Api.Calls, c => c.Method == "chat.postMessage");
    }

    [Fact]
    public async Task PostsOnce_WhenTheEarlierAttemptHadNotPosted()
    {
        await using var host = await SlackHost.StartAsync();
        var workspace = await host.WorkspaceAsync();
        host.Api.AnswerNext("chat.postMessage", 500, "upstream failure"); // Slack did nothing
        await Assert.ThrowsAsync<SlackApiException>(() => Poster(host).PostAsync(workspace.Id, Channel, Digest, Tag, CancellationToken.None));

        var retried = await Poster(host).PostAsync(workspace.Id, Channel, Digest, Retry, CancellationToken.None);

        Assert.Equal(PostResult.Posted, retried);
        Assert.Contains("3 fresh quotes", (string?)Assert.Single(host.Api.Messages(Channel.Id))["text"]);
    }

    [Fact]
    public async Task ReadsASecondPageOfHistory_WhenSlackGivesFewMessagesAPage()
    {
        await using var host = await SlackHost.StartAsync();
        var workspace = await host.WorkspaceAsync();
        host.Api.HistoryPageLimit = 2;
        await Poster(host).PostAsync(workspace.Id, Channel, Digest, Tag, CancellationToken.None);
        await OthersPostAsync(host, 3);

        var retried = await Poster(host).PostAsync(workspace.Id, Channel, Digest, Retry, CancellationToken.None);

        Assert.Equal(PostResult.FoundPosted, retried);
        Assert.Equal(2, host.Api.Calls.Count(c => c.Method == "conversations.history"));
    }

    [Theory]
    [InlineData("missing_scope")]
    [InlineData("not_in_channel")]
    public async Task PostsAndWarns_WhenSlackWillNotShowTheHistory(string error)
    {
        await using var host = await SlackHost.StartAsync();
        var workspace = await host.WorkspaceAsync();
        host.Api.AnswerNext("conversations.history", 200, $$"""{"ok":false,"error":"{{error}}"}""");

        var retried = await Poster(host).PostAsync(workspace.Id, Channel, Digest, Retry, CancellationToken.None);

        Assert.Equal(PostResult.Posted, retried);
        var warning = Assert.Single(host.App.Logs.Entries, e => e.Message.StartsWith("Cannot read the history", StringComparison.Ordinal));
        Assert.Equal(error, warning["Error"]);
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

    /// <summary>Messages from others after ours: with metadata of their own, which is not ours.</summary>
    private static async Task OthersPostAsync(SlackHost host, int count)
    {
        var slack = host.App.Services.GetRequiredService<SlackApiClient>();
        for (var i = 0; i < count; i++)
        {
            var theirs = new System.Text.Json.Nodes.JsonObject
            {
                ["event_type"] = "pulse_delivery",
                ["event_payload"] = new System.Text.Json.Nodes.JsonObject { ["key"] = $"digest:{Guid.NewGuid():N}", ["until"] = 42 },
            };
            await slack.PostDeliveryAsync(SlackHost.BotToken, Channel.Id, new SlackMessage($"chatter {i}", []), theirs, CancellationToken.None);
        }
    }

    private static IChatPoster Poster(SlackHost host) =>
        host.App.Services.GetServices<IChatPoster>().Single(p => p.Platform == Platform.Slack);
}
