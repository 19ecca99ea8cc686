using System.Reflection;
using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// Who is calling the API: the key the request presented and the context it acts in (the key's workspace, a user named
/// after the key, channel "api", the workspace's time zone, private). Set by <see cref="ApiKeyAuthentication"/>; a handler
/// takes it as a parameter.
/// </summary>
internal sealed record ApiCaller(ApiKey Key, ChatContext Context)
{
    public const string Channel = "api";

    private static readonly object ItemKey = new();

    public static ApiCaller For(ApiKey key, Workspace workspace) =>
        new(key, ChatContext.For(workspace, new ChatUser($"api:{key.Name}", key.Name), Channel) with { Private = true });

    public void Attach(HttpContext http) => http.Items[ItemKey] = this;

    /// <summary>
    /// Minimal APIs bind a parameter of this type here. Every /api/v1 endpoint requires an authenticated key, so a missing
    /// caller is a mapping mistake, not a request to answer.
    /// </summary>
    public static ValueTask<ApiCaller?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult<ApiCaller?>(http.Items[ItemKey] as ApiCaller
            ?? throw new InvalidOperationException($"{http.Request.Path} takes an {nameof(ApiCaller)} but is not behind the API's authentication."));
}
