using System.Collections.Concurrent;
using CustomerPulseBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Slack.Workspaces;

/// <summary>
/// users.info answers, remembered per team and person for a few minutes: a person's time zone and admin role change
/// rarely, and admin commands in a row should not each wait for Slack. An answer that fails or comes late is not
/// remembered, and the caller goes on without it within <see cref="Budget"/>.
/// </summary>
internal sealed class SlackPeople(SlackApiClient slack, TimeProvider clock, ILogger<SlackPeople> logger)
{
    public static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);

    /// <summary>The most a reply waits for users.info: well inside the reply's own 1.5 s of work (Slack shows an error at 3 s).</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(string Team, string User), (SlackUser User, DateTimeOffset At)> known = new();

    /// <summary>The person as Slack describes them, or null when users.info failed or did not answer within <see cref="Budget"/>.</summary>
    public async Task<SlackUser?> FindAsync(SlackTenant tenant, string userId, CancellationToken ct)
    {
        var key = (tenant.Workspace.ExternalId, userId);
        var now = clock.GetUtcNow();
        if (known.TryGetValue(key, out var remembered) && now - remembered.At < Remember)
        {
            return remembered.User;
        }

        try
        {
            using var timer = new CancellationTokenSource(Budget, clock);
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
            // WaitAsync too: the outbound policy's own timeout is far longer than a reply can wait.
            var user = await slack.GetUserAsync(tenant.BotToken, userId, budget.Token).WaitAsync(budget.Token);
            known[key] = (user, clock.GetUtcNow());
            return user;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("users.info for {UserId} in {ExternalId} failed ({Error}); going on without it",
                userId, tenant.Workspace.ExternalId, e is SlackApiException slackError ? slackError.Error : e.GetType().Name);
            return null;
        }
    }
}
