using System.Reflection;
using CustomerPulseBot.Core;
using CustomerPulseBot.Meaning;
using CustomerPulseBot.Slack;
using CustomerPulseBot.Storage;
using CustomerPulseBot.Teams;
using CustomerPulseBot.Web.Api;
using CustomerPulseBot.Web.Digests;
using CustomerPulseBot.Web.Health;
using CustomerPulseBot.Web.Hosting;
using CustomerPulseBot.Web.KeyRing;
using CustomerPulseBot.Web.Meaning;
using CustomerPulseBot.Web.Outbound;
using CustomerPulseBot.Web.Playground;

if (ApiKeyCommandLine.Handles(args))
{
    return await ApiKeyCommandLine.RunAsync(args);
}

try
{
    var builder = WebApplication.CreateBuilder(args).ListenOnDefaultAddress();
    builder.Services
        .AddPulseCore()
        .AddPulseStorage(builder.Configuration)
        .AddKeyRing(builder.Configuration)
        .AddSlack(builder.Configuration)
        .AddTeams(builder.Configuration)
        .AddMeaning(builder.Configuration)
        .AddOutboundPolicy()
        .AddDigestJobs()
        .AddMeaningJobs()
        .AddPulseHealthChecks()
        .AddPlayground()
        .AddPulseApi(builder.Configuration);

    var app = builder.Build();
    await app.Services.MigrateStorageAsync();
    await app.Services.OpenKeyRingAsync();
    app.MapHome();
    app.MapSlack();
    app.MapTeams();
    app.MapPlayground();
    app.MapPulseApi();
    app.MapDigestDashboard();
    app.MapPulseHealth("/health");
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.Describe(e) is { } line && Assembly.GetEntryAssembly() == typeof(Program).Assembly)
{
    // A setting to fix or a database to start, not a bug: one line, no stack trace. A test host running this entry
    // point inside its own process (WebApplicationFactory) gets the exception instead.
    await Console.Error.WriteLineAsync(line);
    return 1;
}

public partial class Program { }   // visible to WebApplicationFactory<Program>
