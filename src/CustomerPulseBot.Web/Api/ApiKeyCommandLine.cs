using CustomerPulseBot.Core;
using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Storage;
using CustomerPulseBot.Web.Hosting;
using Microsoft.Extensions.Logging.Console;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// <c>api-key create --workspace "&lt;name or id&gt;" [--scope read|write] [--name "&lt;label&gt;"]</c>: the host's own
/// executable, configuration and storage (migrated first, as at start-up), no web server. The key is printed alone on
/// the last line, so a script can take it with <c>tail -n 1</c>. Exit codes: 0 created, 1 the workspace or name is
/// wrong (one line on stderr), 2 the arguments are (usage on stderr).
/// Read is the default scope: a key pasted into a dashboard or a spreadsheet should not be able to add or delete
/// signals unless someone asked for that in so many words.
/// </summary>
internal static class ApiKeyCommandLine
{
    public const string Verb = "api-key";
    public const string CreatedBy = "command line";

    public static readonly string Usage =
        "Usage: dotnet run --project src/CustomerPulseBot.Web -- api-key create --workspace \"<workspace name or id>\" [--scope read|write] [--name \"<label>\"]\n" +
        "  --workspace  the workspace's name (as Slack or Teams shows it), its id, or its Slack team / Teams tenant id\n" +
        "  --scope      read (default: GET endpoints only) or write (also adds and deletes signals and customers)\n" +
        $"  --name       a label to tell keys apart, at most {ApiKeys.MaxNameLength} characters (default: the scope and the key's last four characters)";

    public static bool Handles(string[] args) => args is [Verb, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        if (Read(args) is not { } request)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
            // Warnings and errors only, on stderr: stdout holds the answer alone, and a refusal is the one line on stderr.
            builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Services.AddPulseCore().AddPulseStorage(builder.Configuration);
            (string Line, string Key)? created;
            string? problem;
            await using (var app = builder.Build())
            {
                await app.Services.MigrateStorageAsync();
                (created, problem) = await CreateAsync(app.Services, request, CancellationToken.None);
            } // disposed first: every log line is written before the key

            if (created is not { } done)
            {
                await Console.Error.WriteLineAsync(problem);
                return 1;
            }

            Console.WriteLine(done.Line);
            Console.WriteLine(done.Key);
            return 0;
        }
        catch (Exception e) when (StartupFailure.Describe(e) is { } line)
        {
            await Console.Error.WriteLineAsync(line);
            return 1;
        }
    }

    private static async Task<((string Line, string Key)? Created, string? Problem)> CreateAsync(
        IServiceProvider services, (string Workspace, ApiKeyScope Scope, string? Name) request, CancellationToken ct)
    {
        var store = services.GetRequiredService<IApiKeyStore>();
        var found = await store.FindWorkspacesAsync(request.Workspace, ct);
        switch (found)
        {
            case []:
                return (null, $"No workspace is named \"{request.Workspace}\" or has that id; install the app in it first, or check the name.");
            case [_, _, ..]:
                return (null, $"Several workspaces are named \"{request.Workspace}\"; name one by its id: " +
                    string.Join(", ", found.Select(w => $"{w.Id} ({w.Platform}, {w.ExternalId})")) + ".");
        }

        var workspace = found[0];
        if (await services.GetRequiredService<ApiKeys>().CreateAsync(workspace.Id, request.Scope, request.Name, CreatedBy, ct) is not { } made)
        {
            return (null, $"Workspace \"{workspace.Name}\" already has a key named \"{request.Name}\"; choose another --name, or revoke that key in chat.");
        }

        var scope = made.Key.Scope.ToString().ToLowerInvariant();
        return ((
            $"Created {scope} key \"{made.Key.Name}\" for workspace \"{workspace.Name}\" ({workspace.Id}). It is shown once, here; keep it secret:",
            made.Secret), null);
    }

    /// <summary>The request, or null when the arguments are not <see cref="Usage"/>'s.</summary>
    private static (string Workspace, ApiKeyScope Scope, string? Name)? Read(string[] args)
    {
        if (args is not [Verb, "create", .. var options] || options.Length % 2 != 0)
        {
            return null;
        }

        string? workspace = null, scope = null, name = null;
        for (var i = 0; i < options.Length; i += 2)
        {
            var value = options[i + 1];
            switch (options[i])
            {
                case "--workspace" when workspace is null: workspace = value; break;
                case "--scope" when scope is null: scope = value; break;
                case "--name" when name is null: name = value; break;
                default: return null;
            }
        }

        var parsedScope = scope?.ToLowerInvariant() switch
        {
            null or "read" => ApiKeyScope.Read,
            "write" => ApiKeyScope.Write,
            _ => (ApiKeyScope?)null,
        };
        var label = ApiKeys.NameOf(name);
        return string.IsNullOrWhiteSpace(workspace) || parsedScope is null || (name is not null && (label is null || label.Length > ApiKeys.MaxNameLength || label.Any(char.IsControl)))
            ? null
            : (workspace.Trim(), parsedScope.Value, label);
    }
}
