using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Web.KeyRing;

/// <summary>
/// The <c>DataProtection</c> section: what protects the Data Protection key ring kept in the database (named apart from
/// ASP.NET Core's own <c>DataProtectionOptions</c>).
/// </summary>
internal sealed class KeyRingOptions
{
    public const string Section = "DataProtection";
    public const string Setting = "DataProtection:KeyRingKey";
    public const int KeyBytes = 32;

    /// <summary>Base64 of 32 random bytes (<c>openssl rand -base64 32</c>) that encrypts each key of the ring; never logged.</summary>
    public string? KeyRingKey { get; set; }

    /// <summary>The key's bytes, or null when none is set. Anything else stops the start, naming the setting, never the value.</summary>
    public byte[]? Key()
    {
        if (string.IsNullOrWhiteSpace(KeyRingKey))
        {
            return null;
        }

        // One byte to spare, so that a longer key fails to fit rather than passing cut short.
        var key = new byte[KeyBytes + 1];
        return Convert.TryFromBase64String(KeyRingKey.Trim(), key, out var length) && length == KeyBytes
            ? key[..KeyBytes]
            : throw new OptionsValidationException(Section, typeof(KeyRingOptions),
                [$"{Setting} must be the base64 of {KeyBytes} random bytes: generate one with `openssl rand -base64 32`."]);
    }
}
