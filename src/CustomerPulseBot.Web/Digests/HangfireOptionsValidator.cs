using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Web.Digests;

/// <summary>Refuses to start with a job setting that cannot work, naming the setting to fix.</summary>
internal sealed class HangfireOptionsValidator : IValidateOptions<HangfireOptions>
{
    private const int MaxWorkers = 100;
    private static readonly TimeSpan MinPolling = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxPolling = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, HangfireOptions options) => options switch
    {
        { WorkerCount: < 1 or > MaxWorkers } => ValidateOptionsResult.Fail(
            $"Hangfire:WorkerCount is {options.WorkerCount}: give a number from 1 to {MaxWorkers} (the default is 10)."),
        _ when options.SchedulePollingInterval < MinPolling || options.SchedulePollingInterval > MaxPolling => ValidateOptionsResult.Fail(
            $"Hangfire:SchedulePollingInterval is {options.SchedulePollingInterval}: give a time from 00:00:01 to 01:00:00 (the default is 00:00:10)."),
        { Dashboard: { Enabled: true, AdminToken: var token } } when string.IsNullOrWhiteSpace(token) || token.Length < HangfireDashboardOptions.MinTokenLength =>
            ValidateOptionsResult.Fail(
                $"Hangfire:Dashboard:Enabled is true but Hangfire:Dashboard:AdminToken is {(string.IsNullOrWhiteSpace(token) ? "not set" : "too short")}: " +
                $"set it to a random value of at least {HangfireDashboardOptions.MinTokenLength} characters (for example `openssl rand -hex 32`), " +
                "or switch the dashboard off."),
        _ => ValidateOptionsResult.Success,
    };
}
