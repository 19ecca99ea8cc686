using System.Security.Cryptography;
using System.Text.Json;
using CustomerPulseBot.Core;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// A JSON body of the API, read once under <see cref="MaxJsonBytes"/> by the reader every endpoint shares
/// (<see cref="RequestBody"/>), then parsed: one object or an array of them.
/// </summary>
internal sealed record ApiBody(byte[] Bytes, JsonElement Root)
{
    public const int MaxJsonBytes = 1024 * 1024;

    /// <summary>Lower-case hex SHA-256 of the bytes as sent: what an idempotency key is bound to.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Bytes));

    /// <summary>The body, or the refusal to answer: 413 over the cap, 400 saying where the JSON breaks.</summary>
    public static async Task<(ApiBody? Body, IResult? Refusal)> ReadAsync(HttpContext http, ILogger logger)
    {
        var bytes = await RequestBody.ReadAsync(http.Request.Body, http.Request.ContentLength, MaxJsonBytes, http.RequestAborted);
        if (bytes is null)
        {
            logger.LogWarning("Refused an API request to {Path}: body over {Limit} bytes", http.Request.Path, MaxJsonBytes);
            return (null, ApiProblems.TooLarge(MaxJsonBytes));
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return (new ApiBody(bytes, document.RootElement.Clone()), null);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.Malformed(e));
        }
    }

    /// <summary>
    /// The items of a body that is one <typeparamref name="T"/> object or an array of 1 to <paramref name="max"/>; null
    /// with the refusal when it is neither or an item has the wrong shape, named by its field (<c>[3].quote</c>). The bytes
    /// are read whole, so a position is the line and column in the body as sent.
    /// </summary>
    public (IReadOnlyList<T>? Items, bool IsArray, IResult? Refusal) Items<T>(int max) where T : class
    {
        try
        {
            switch (Root.ValueKind)
            {
                case JsonValueKind.Object:
                    return ([JsonSerializer.Deserialize<T>(Bytes, ApiJson.Options)!], false, null); // an object never reads as null
                case JsonValueKind.Array when Root.GetArrayLength() is var count && (count == 0 || count > max):
                    return (null, true, ApiProblems.Field("body", $"The array holds {count:N0} items; send 1 to {max:N0} in one request."));
                case JsonValueKind.Array:
                    var items = JsonSerializer.Deserialize<T?[]>(Bytes, ApiJson.Options)!; // an array never reads as null
                    return Array.FindIndex(items, i => i is null) is var at and >= 0
                        ? (null, true, ApiProblems.Field($"[{at}]", "Each item must be a JSON object, not null."))
                        : (items!, true, null);
                default:
                    return (null, false, ApiProblems.Field("body", "The body must be a JSON object, or an array of them."));
            }
        }
        catch (JsonException e)
        {
            return (null, Root.ValueKind == JsonValueKind.Array, ApiProblems.Malformed(e));
        }
    }
}
