using CustomerPulseBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace CustomerPulseBot.Web.KeyRing;

public static class KeyRingSetup
{
    /// <summary>
    /// Purposes are kept apart by application name, which defaults to the content root: a path that differs from host to
    /// host. One name for every host lets each read what another protected.
    /// </summary>
    public const string ApplicationName = "CustomerPulseBot";

    /// <summary>
    /// Data Protection (Slack bot tokens at rest, the OAuth state cookie) with its key ring in the database, one for every
    /// host, encrypted with <c>DataProtection:KeyRingKey</c> when it is set. Without it the keys are stored as they are,
    /// which Slack's OAuth install refuses outside Development. A key that is not one stops the start.
    /// </summary>
    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(KeyRingOptions.Section);
        var key = (section.Get<KeyRingOptions>() ?? new()).Key();
        services.AddOptions<KeyRingOptions>().Bind(section);
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToPulseStore();
        if (key is not null)
        {
            services.AddOptions<KeyManagementOptions>().Configure(keys => keys.XmlEncryptor = new KeyRingCipher(key));
        }

        return services;
    }
}
