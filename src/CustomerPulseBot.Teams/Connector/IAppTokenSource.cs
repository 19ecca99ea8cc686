namespace CustomerPulseBot.Teams.Connector;

// The bot's own token for the Connector API: the boundary to Entra ID, which tests replace.
internal interface IAppTokenSource
{
    Task<string> GetTokenAsync(CancellationToken ct);
}
