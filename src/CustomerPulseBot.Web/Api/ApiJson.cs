using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// The API's JSON: camelCase, enums as lower-case words ("pain", "high", "wont-fix"), and a field the API does not know is
/// refused by name rather than dropped, so a typo ("qoute") is not a signal saved without its quote. The host's JSON
/// options are set to the same, so responses and the OpenAPI document's schemas match what requests are read with.
/// </summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // Answers are application/json, never pasted into HTML: "+00:00" and "don't" stay as written.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }
}
