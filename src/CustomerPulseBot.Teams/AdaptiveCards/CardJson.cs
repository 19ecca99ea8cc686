using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerPulseBot.Teams.AdaptiveCards;

// The one way a card becomes JSON, and the size every card must stay under.
internal static class CardJson
{
    // Teams refuses channel posts and webhook cards over about 28 KB and measures messages as UTF-16;
    // other hops count UTF-8 bytes. A card is kept under this many bytes in both encodings
    // (teams-bot-framework.md, "Message size").
    public const int MaxBytes = 28_000;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        // The default encoder writes every non-ASCII letter as \uXXXX, tripling a quote in Greek or Japanese
        // against the size limit. Card JSON travels as application/json and is never pasted into HTML,
        // which is the only place the escaped characters would matter.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);

    public static int Size(string json) => Math.Max(Encoding.UTF8.GetByteCount(json), Encoding.Unicode.GetByteCount(json));

    public static bool Fits(string json) => Size(json) <= MaxBytes;
}
