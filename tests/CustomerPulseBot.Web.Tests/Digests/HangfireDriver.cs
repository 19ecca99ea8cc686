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

    /// <summary>
    /// Waits until one of the jobs is in one of <paramref name="states"/>. Hangfire raises no event a test can
    /// await, so this reads its storage every 20 ms; it gives up after 30 s, never to pass.
    /// </summary>
    public async Task<(string Id, StateData State)> WaitForAnyAsync(IReadOnlyList<string> jobIds, params string[] states)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using (var connection = Storage.GetConnection())
            {
                foreach (var id in jobIds)
                {
                    if (connection.GetStateData(id) is { } state && states.Contains(state.Name))
                    {
                        return (id, state);
                    }
                }
            }

            try
            {
                await Task.Delay(20, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                var now = string.Join(", ", jobIds.Select(id => $"{id}: {History(id).FirstOrDefault()?.StateName}"));
                throw new TimeoutException($"No job reached {string.Join(" or ", states)} ({now})");
            }
        }
    }

    /// <summary>The servers that ran the job, first run first: the part of the server id before its process and instance.</summary>
    public IReadOnlyList<string> ServersThatRan(string jobId) =>
        [.. History(jobId).Where(state => state.StateName == "Processing").Reverse().Select(state => state.Data["ServerId"].Split(':')[0])];
}
