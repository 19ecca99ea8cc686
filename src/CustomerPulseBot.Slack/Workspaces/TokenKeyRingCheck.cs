using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Slack.Workspaces;

/// <summary>
/// With the OAuth install, every workspace's bot token is stored encrypted with the Data Protection key ring, and the
/// host keeps that ring in the same database: unless the ring is itself encrypted, whoever reads the database reads the
/// tokens. Outside Development the start is refused then; in Development a warning says so, once.
/// </summary>
internal sealed class TokenKeyRingCheck(IHostEnvironment environment, ILogger<TokenKeyRingCheck> logger) : IValidateOptions<KeyManagementOptions>
{
    private const string Advice = "set DataProtection:KeyRingKey (generate one with `openssl rand -base64 32`; see the README's key-ring section)";

    private int warned;

    public ValidateOptionsResult Validate(string? name, KeyManagementOptions options)
    {
        if (options.XmlEncryptor is not null)
        {
            return ValidateOptionsResult.Success;
        }

        if (!environment.IsDevelopment())
        {
            return ValidateOptionsResult.Fail(
                $"Slack installs workspaces (Slack:ClientId) and stores their bot tokens, but the key ring that encrypts them is not protected: {Advice}.");
        }

        if (Interlocked.Exchange(ref warned, 1) == 0)
        {
            logger.LogWarning("The key ring that encrypts stored Slack bot tokens is kept unencrypted in the database, as Development allows; {Advice} before production", Advice);
        }

        return ValidateOptionsResult.Success;
    }
}
