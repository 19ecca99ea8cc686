using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CustomerPulseBot.Web.Outbound;

/// <summary>
/// One resilience policy for every HTTP client the app creates: Slack's Web API, the Bot Connector, and the Entra
/// token and Bot Framework key fetches behind them. It lives here because Slack and Teams may not share code and
/// Core holds no HTTP; set as the factory's default, no client can be added without it.
/// </summary>
public static class OutboundSetup
{
    private const int Retries = 2;

    public static IServiceCollection AddOutboundPolicy(this IServiceCollection services)
    {
        services.AddOptions<OutboundOptions>()
            .BindConfiguration(OutboundOptions.Section)
            .Validate(
                o => o.AttemptTimeout > TimeSpan.Zero && o.AttemptTimeout <= OutboundOptions.LongestAttempt,
                $"Outbound:AttemptTimeout must be more than zero and at most {OutboundOptions.LongestAttempt:c}.")
            .ValidateOnStart();
        services.ConfigureHttpClientDefaults(client => client
            // The policy bounds each attempt and the waits between them; HttpClient's own 100 s would otherwise
            // cut across them and be the limit that fires.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("outbound", (pipeline, context) =>
            {
                var attempt = context.ServiceProvider.GetRequiredService<IOptions<OutboundOptions>>().Value.AttemptTimeout;
                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OutboundSetup));
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Retries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromSeconds(1),
                    // A 429's Retry-After wins over the backoff.
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(NotTakenEffect(args.Outcome, attempt)),
                    OnRetry = args =>
                    {
                        var (host, next) = (args.Context.GetRequestMessage()?.RequestUri?.Host, args.AttemptNumber + 2);
                        if (args.Outcome.Result is { } response)
                        {
                            logger.LogWarning(
                                "{Host} answered {Status} and did not take the call; attempt {Attempt} in {RetryDelay}",
                                host, (int)response.StatusCode, next, args.RetryDelay);
                        }
                        else
                        {
                            logger.LogWarning(
                                "No connection to {Host} ({Error}); attempt {Attempt} in {RetryDelay}",
                                host, (args.Outcome.Exception as HttpRequestException)?.HttpRequestError, next, args.RetryDelay);
                        }

                        return ValueTask.CompletedTask;
                    },
                });
                pipeline.AddTimeout(attempt);
            }));
        return services;
    }

    /// <summary>
    /// Whether the request surely did not take effect, so sending it again cannot post twice: the connection never
    /// carried it (no address, refused, TLS failed), or the server said it did not apply it and to come back
    /// (429, or the Connector's 412 for a busy conversation) within a wait no longer than an attempt; a longer
    /// wait goes back to the caller. A timeout or a 5xx is never retried here: a post may have gone through, and
    /// only the caller can look (Slack) or decide to risk it.
    /// </summary>
    private static bool NotTakenEffect(Outcome<HttpResponseMessage> outcome, TimeSpan longestWait) => outcome switch
    {
        { Exception: HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
        } } => true,
        { Result: { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed } response } =>
            (response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero) <= longestWait,
        _ => false,
    };
}
