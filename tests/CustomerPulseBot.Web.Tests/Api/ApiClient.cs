using System.Net.Http.Headers;
using System.Text;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests.Api;

/// <summary>A workspace of its own in the host, a key for it made through Core's <see cref="ApiKeys"/>, and a client sending that key.</summary>
public sealed class ApiClient
{
    private ApiClient(PulseAppFactory app, Workspace workspace, ApiKey key, string secret)
    {
        (App, Workspace, Key, Secret) = (app, workspace, key, secret);
        Http = app.CreateClient();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
    }

    public PulseAppFactory App { get; }

    public Workspace Workspace { get; }

    public ApiKey Key { get; }

    public string Secret { get; }

    public HttpClient Http { get; }

    public static async Task<ApiClient> CreateAsync(PulseAppFactory app, ApiKeyScope scope = ApiKeyScope.Write, bool redact = true)
    {
        var store = app.Services.GetRequiredService<IPulseStore>();
        var name = $"Api {Guid.NewGuid():N}";
        var workspace = await store.ResolveWorkspaceAsync(Platform.Playground, name, name, CancellationToken.None);
        if (!redact)
        {
            workspace = await store.SaveWorkspaceSettingsAsync(workspace.Id, null, null, null, false, CancellationToken.None);
        }

        return await ForAsync(app, workspace, scope, $"{scope.ToString().ToLowerInvariant()} key");
    }

    /// <summary>Another key of the same workspace.</summary>
    public Task<ApiClient> AnotherKeyAsync(ApiKeyScope scope) => ForAsync(App, Workspace, scope, null);

    private static async Task<ApiClient> ForAsync(PulseAppFactory app, Workspace workspace, ApiKeyScope scope, string? name)
    {
        var (key, secret) = (await app.Services.GetRequiredService<ApiKeys>()
            .CreateAsync(workspace.Id, scope, name, "test", CancellationToken.None))!.Value; // a fresh workspace has no key of that name
        return new ApiClient(app, workspace, key, secret);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public Task<HttpResponseMessage> PostAsync(string path, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Http.SendAsync(request);
    }
}
