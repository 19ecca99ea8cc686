using System.Globalization;
using System.Threading.RateLimiting;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Web.Api.Csv;
using CustomerPulseBot.Web.Api.Exports;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// The REST API: <c>/api/v1</c> behind API keys (<see cref="ApiKeyAuthentication"/>), a read policy on every endpoint and a
/// write policy on those that add or delete, a rate limit per key, problems for every refusal, and the OpenAPI document
/// with its reference page. Each feature maps its endpoints onto the group from a file of its own (<c>api.MapSignals()</c>).
/// </summary>
public static class ApiSetup
{
    public const string Prefix = "/api/v1";
    public const string ReadPolicy = "api-read";
    public const string WritePolicy = "api-write";
    public const string RatePolicy = "api-key";

    public static IServiceCollection AddPulseApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>()
            .Bind(configuration.GetSection(ApiOptions.Section))
            .Validate(o => o.PermitsPerMinute is >= 1 and <= 1_000_000, "Api:PermitsPerMinute must be 1 to 1000000.")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl)
                    || (Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && url.Query.Length == 0),
                "Api:PublicUrl must be an absolute https:// address, such as https://pulse.example.com.")
            .ValidateOnStart();
        services.AddSingleton<SignalExport>();
        services.AddSingleton<ExportLinks>();
        services.AddSingleton<IExportLinks>(provider => provider.GetRequiredService<ExportLinks>());
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(WritePolicy, policy => policy.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser()
                .RequireClaim(ApiKeyAuthentication.ScopeClaim, "write"));
        services.AddRateLimiter(limits =>
        {
            limits.AddPolicy(RatePolicy, PerKey);
            limits.OnRejected = RefuseAsync;
        });
        services.AddApiDocument();
        return services;
    }

    public static WebApplication MapPulseApi(this WebApplication app)
    {
        // After authentication (which the host adds first), so the limiter's partition is the caller's key.
        app.UseRateLimiter();
        app.MapApiDocument();
        var api = app.MapGroup(Prefix)
            .RequireAuthorization(ReadPolicy)
            .RequireRateLimiting(RatePolicy)
            .AddEndpointFilter(LastChanceAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        api.MapSignals();
        api.MapThemes();
        api.MapInsights();
        api.MapCustomers();
        api.MapCsv();
        app.MapExportLinks();
        return app;
    }

    /// <summary>For an endpoint that adds or deletes: a read key gets 403.</summary>
    public static RouteHandlerBuilder RequireWriteScope(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(WritePolicy).ProducesProblem(StatusCodes.Status403Forbidden);

    private static RateLimitPartition<string> PerKey(HttpContext http)
    {
        var permits = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.PermitsPerMinute;
        // Every endpoint in the group requires a key, so a request gets here only with one.
        var key = http.User.FindFirst(ApiKeyAuthentication.KeyIdClaim)?.Value ?? "";
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var permits = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.PermitsPerMinute;
        await ApiProblems.Problem(
                StatusCodes.Status429TooManyRequests,
                $"This key has made its {permits:N0} requests for this minute; try again in {seconds} s.")
            .ExecuteAsync(http);
    }

    /// <summary>
    /// The one place an API request can fail unexpectedly: logged with an id to quote, answered without details (a database
    /// that did not answer as 503, see <see cref="ApiProblems.Failed"/>). Authentication, which runs before it, answers
    /// its own database failures the same way.
    /// </summary>
    private static async ValueTask<object?> LastChanceAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiSetup))
                .LogError(e, "API request {CorrelationId} to {Path} failed", http.TraceIdentifier, http.Request.Path);
            return ApiProblems.Failed(http, e);
        }
    }
}
