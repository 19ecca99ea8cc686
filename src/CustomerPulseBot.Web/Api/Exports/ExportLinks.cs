using System.Security.Cryptography;
using System.Text.Json;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Web.Api.Csv;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Web.Api.Exports;

/// <summary>
/// Export links for chat: <c>{Api:PublicUrl}/exports/{token}</c>, the token an <see cref="ExportTicket"/> sealed with Data
/// Protection (encrypted and authenticated with the key ring every host shares), so nobody can forge one or change what it
/// exports. The expiry is inside the ticket rather than a time-limited protector's, so an expired link and a forged one
/// can be told apart (410 and 404).
/// </summary>
internal sealed class ExportLinks(IDataProtectionProvider protection, IOptions<ApiOptions> options, TimeProvider clock) : IExportLinks
{
    public const string Path = "/exports";

    private readonly IDataProtector seal = protection.CreateProtector("CustomerPulseBot.Web.ExportLink");

    public Uri? Create(ChatContext context, ExportRequest request)
    {
        if (options.Value.PublicBase is not { } root)
        {
            return null;
        }

        var days = request.Range?.Days(context.TimeZone);
        var fileName = SignalExport.FileName(days is var (first, last) ? (first == last ? $"{first:yyyy-MM-dd}" : $"{first:yyyy-MM-dd}-to-{last:yyyy-MM-dd}") : null, request.Theme);
        var ticket = new ExportTicket(
            context.WorkspaceId.Value,
            context.User.Id,
            request.Range?.Start,
            request.Range?.End,
            request.Theme,
            fileName,
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            clock.GetUtcNow() + IExportLinks.Lifetime);
        return new Uri(root, $"{Path.TrimStart('/')}/{seal.Protect(JsonSerializer.Serialize(ticket))}");
    }

    /// <summary>The ticket a token was sealed from, or null when this app did not seal it (forged, altered, or sealed with a key it no longer has).</summary>
    public ExportTicket? Read(string token)
    {
        try
        {
            return JsonSerializer.Deserialize<ExportTicket>(seal.Unprotect(token));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
