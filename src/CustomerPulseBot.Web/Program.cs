using CustomerPulseBot.Core;
using CustomerPulseBot.Storage;
using CustomerPulseBot.Web.Health;
using CustomerPulseBot.Web.Playground;

var builder = WebApplication.CreateBuilder(args);
builder.Services
    .AddPulseCore()
    .AddPulseStorage(builder.Configuration)
    .AddPulseHealthChecks()
    .AddPlayground();

var app = builder.Build();
await app.Services.MigrateStorageAsync();
app.MapPlayground();
app.MapPulseHealth("/health");
app.Run();

public partial class Program { }   // visible to WebApplicationFactory<Program>
