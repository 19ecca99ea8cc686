using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CustomerPulseBot.Core.Exchange;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// A page's cursor as callers carry it: opaque base64url of the last signal's said-at (UTC ticks) and id. Nothing secret
/// is in it; a cursor is only ever read back in the key's own workspace.
/// </summary>
internal static class SignalCursors
{
    public static string Write(SignalCursor cursor) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{cursor.SaidAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{cursor.Id:N}"));

    public static SignalCursor? Read(string text)
    {
        if (text.Length > 100 || !Base64Url.IsValid(text))
        {
            return null;
        }

        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('.');
        return parts is [var ticks, var id]
               && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utc)
               && utc >= DateTimeOffset.MinValue.UtcTicks && utc <= DateTimeOffset.MaxValue.UtcTicks
               && Guid.TryParseExact(id, "N", out var guid)
            ? new SignalCursor(new DateTimeOffset(utc, TimeSpan.Zero), guid)
            : null;
    }
}
