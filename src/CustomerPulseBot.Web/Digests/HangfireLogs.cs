using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace CustomerPulseBot.Web.Digests;

/// <summary>
/// Hangfire's own logs through the host's logging. Hangfire keeps one log provider per process, so once a host
/// has stopped (tests run many in one process) its disposed logger factory must not make Hangfire throw in
/// the others: their loggers created from then on log nothing instead.
/// </summary>
internal sealed class HangfireLogs(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider logs = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return logs.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
