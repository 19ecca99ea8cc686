using CustomerPulseBot.Core;
using CustomerPulseBot.Slack;
using CustomerPulseBot.Storage;
using CustomerPulseBot.Teams;
using CustomerPulseBot.Web.Digests;
using CustomerPulseBot.Web.Health;
using CustomerPulseBot.Web.Outbound;
using CustomerPulseBot.Web.Playground;

var builder = WebApplication.CreateBuilder(args);
builder.Services
    .AddPulseCore()
    .AddPulseStorage(builder.Configuration)
    .AddSlack(builder.Configuration)
    .AddTeams(builder.Configuration)
    .AddOutboundPolicy()
    .AddDigestJobs()
    .AddPulseHealthChecks()
    .AddPlayground();

var app = builder.Build();
await app.Services.MigrateStorageAsync();
app.MapSlack();
app.MapTeams();
app.MapPlayground();
app.MapDigestDashboard();
app.MapPulseHealth("/health");
app.Run();

public partial class Program { }   // visible to WebApplicationFactory<Program>
