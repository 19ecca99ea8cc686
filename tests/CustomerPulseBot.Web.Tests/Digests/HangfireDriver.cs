using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests.Digests;

/// <summary>
/// A host's Hangfire as a test drives it: a recurring job run now, a retry run now instead of after its delay
/// (the dashboard's Requeue), and what Hangfire's storage says about jobs.
/// </summary>
public sealed class HangfireDriver(IServiceProvider services)
{
    /// <summary>Keeps Hangfire's schedulers from firing by the real clock during a test: the test starts each run itself.</summary>
    public static readonly (string Key, string? Value) ManualRuns = ("Hangfire:SchedulePollingInterval", "01:00:00");

    private JobStorage Storage => services.GetRequiredService<JobStorage>();

    /// <summary>Runs the recurring job now, as its schedule would; returns the background job's id.</summary>
    public string Trigger(string recurringJobId) => services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(recurringJobId);

    public void Requeue(string jobId) => Assert.True(services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId));

    /// <summary>The recurring job, or null when there is none.</summary>
    public RecurringJobDto? Recurring(string recurringJobId)
    {
        using var connection = Storage.GetConnection();
        return connection.GetRecurringJobs([recurringJobId]).SingleOrDefault(job => !job.Removed);
    }

    public IReadOnlyList<string> RecurringIds()
    {
        using var connection = Storage.GetConnection();
        return [.. connection.GetRecurringJobs().Select(job => job.Id).Order()];
    }

    /// <summary>The job's states, newest first.</summary>
    public IReadOnlyList<StateHistoryDto> History(string jobId) => [.. Storage.GetMonitoringApi().JobDetails(jobId).History];

    /// <summary>Waits until the job is in one of <paramref name="states"/>.</summary>
    public async Task<StateData> WaitForStateAsync(string jobId, params string[] states) =>
        (await WaitForAnyAsync([jobId], states)).State;

    /// <summary>Waits until one of the jobs is in one of <paramref name="states"/>.</summary>
    public async Task<(string Id, StateData State)> WaitForAnyAsync(IReadOnlyList<string> jobIds, params string[] states)
    {
        var found = await PollAsync(
            () =>
            {
                using var connection = Storage.GetConnection();
                return jobIds
                    .Select(id => (Id: id, State: connection.GetStateData(id)))
                    .Where(job => job.State is { } state && states.Contains(state.Name))
                    .Select(job => Tuple.Create(job.Id, job.State!))
                    .FirstOrDefault();
            },
            () => $"No job reached {string.Join(" or ", states)} ({string.Join(", ", jobIds.Select(id => $"{id}: {History(id).FirstOrDefault()?.StateName}"))})");
        return (found.Item1, found.Item2);
    }

    /// <summary>
    /// Waits until a queued (not recurring) run of <paramref name="method"/> has failed and awaits its retry
    /// (Hangfire's Scheduled state), and returns its id.
    /// </summary>
    public Task<string> WaitForRetryAsync(string method) =>
        PollAsync(
            () => Storage.GetMonitoringApi().ScheduledJobs(0, 100).FirstOrDefault(job => job.Value.Job?.Method.Name == method).Key,
            () => $"No {method} job awaits a retry");

    /// <summary>Waits until a server whose name starts with <paramref name="name"/> has announced itself (servers start in the background).</summary>
    public Task<ServerDto> WaitForServerAsync(string name) =>
        PollAsync(
            () => Storage.GetMonitoringApi().Servers().FirstOrDefault(server => server.Name.StartsWith(name + ":", StringComparison.Ordinal)),
            () => $"No Hangfire server named {name} announced itself");

    /// <summary>
    /// Hangfire raises no event a test can await, so this reads its storage every 20 ms until
    /// <paramref name="read"/> finds something; it gives up after 30 s, never to pass.
    /// </summary>
    private static async Task<T> PollAsync<T>(Func<T?> read, Func<string> failure)
        where T : class
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (read() is { } found)
            {
                return found;
            }

            try
            {
                await Task.Delay(20, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(failure());
            }
        }
    }

    /// <summary>The servers that ran the job, first run first: the part of the server id before its process and instance.</summary>
    public IReadOnlyList<string> ServersThatRan(string jobId) =>
        [.. History(jobId).Where(state => state.StateName == "Processing").Reverse().Select(state => state.Data["ServerId"].Split(':')[0])];
}
