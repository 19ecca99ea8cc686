using CustomerPulseBot.Storage;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Web.Hosting;

/// <summary>
/// Start-up failures that whoever runs the bot must fix (a setting, the database, a port), each told in one line that
/// names what to change. Anything else is a bug and keeps its stack trace.
/// </summary>
internal static class StartupFailure
{
    public static string? Describe(Exception e) => e switch
    {
        OptionsValidationException options => string.Join(" ", options.Failures),
        StorageStartupException storage => storage.Message,
        IOException { InnerException: AddressInUseException } bind => $"{bind.Message} Listen elsewhere with --urls or ASPNETCORE_URLS.",
        AggregateException all when all.InnerExceptions.All(i => Describe(i) is not null) => string.Join(" ", all.InnerExceptions.Select(Describe)),
        _ => null,
    };
}
