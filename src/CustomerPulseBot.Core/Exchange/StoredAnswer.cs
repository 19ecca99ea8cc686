namespace CustomerPulseBot.Core.Exchange;

/// <summary>The first answer to a request with an <c>Idempotency-Key</c>, kept to be given again.</summary>
public sealed record StoredAnswer(string RequestHash, int Status, string Body, DateTimeOffset At);
