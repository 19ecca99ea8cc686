using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Web.Playground;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests;

/// <summary>Talks to the playground API as the page does, in a workspace of its own.</summary>
public sealed class PlaygroundClient(PulseAppFactory app)
{
    private readonly HttpClient http = app.CreateClient();

    public string Workspace { get; } = $"Test workspace {Guid.NewGuid():N}";

    public Task<PlaygroundAnswer> SayAsync(string text, string user = "Ada") =>
        PostAsync("messages", new { workspace = Workspace, user, text });

    public Task<PlaygroundAnswer> SubmitCaptureFormAsync(Dictionary<string, string> inputs) =>
        PostAsync("capture", new { workspace = Workspace, user = "Ada", inputs });

    /// <summary>A card action as the page sends it: the action's data, merged with the card's inputs, to the capture endpoint.</summary>
    public Task<PlaygroundAnswer> ActAsync(JsonNode data, string user = "Ada") =>
        PostAsync("capture", new { workspace = Workspace, user, inputs = data });

    public Task<PlaygroundAnswer> LoadDemoDataAsync() => PostAsync("demo", new { workspace = Workspace, user = "Ada" });

    /// <summary>Every signal stored in the workspace, read straight from the store.</summary>
    public async Task<int> CountSignalsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IPulseStore>();
        var workspace = await store.ResolveWorkspaceAsync(Platform.Playground, Workspace, Workspace, CancellationToken.None);
        return await store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None);
    }

    private async Task<PlaygroundAnswer> PostAsync(string path, object payload)
    {
        using var response = await http.PostAsJsonAsync($"/playground/api/{path}", payload);
        var body = await response.Content.ReadAsStringAsync();
        var outcome = response.Headers.TryGetValues(PlaygroundApi.OutcomeHeader, out var values) ? values.Single() : null;
        return new PlaygroundAnswer(response.StatusCode, JsonNode.Parse(body)!, outcome); // every answer has a JSON body
    }
}

/// <summary>An answer and the card's strings in document order, which is the order a person reads them.</summary>
public sealed record PlaygroundAnswer(HttpStatusCode Status, JsonNode Body, string? Outcome = null)
{
    /// <summary>Every Action.Execute of the card, in document order: what a person can click.</summary>
    public IReadOnlyList<JsonObject> Actions => [.. ObjectsOf(Body).Where(o => (string?)o["type"] == "Action.Execute")];

    public string CardType => (string?)Body["type"] ?? "";

    public IReadOnlyList<string> Strings => StringsOf(Body).ToList();

    public bool Shows(string text) => Strings.Any(s => s.Contains(text, StringComparison.Ordinal));

    /// <summary>True when a string holding <paramref name="first"/> comes before one holding <paramref name="second"/>.</summary>
    public bool ShowsBefore(string first, string second)
    {
        var strings = StringsOf(Body).ToList();
        var a = strings.FindIndex(s => s.Contains(first, StringComparison.Ordinal));
        var b = strings.FindLastIndex(s => s.Contains(second, StringComparison.Ordinal));
        return a >= 0 && b > a;
    }

    private static IEnumerable<JsonObject> ObjectsOf(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => ObjectsOf(p.Value))],
        JsonArray a => a.SelectMany(ObjectsOf),
        _ => [],
    };

    private static IEnumerable<string> StringsOf(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => StringsOf(p.Value)),
        JsonArray a => a.SelectMany(StringsOf),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
