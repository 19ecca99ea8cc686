using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.TestKit;

namespace CustomerPulseBot.Teams.Tests;

// The package made by manifests/teams/package.py: what Teams needs at the zip's root, a manifest that passes the
// official schema offline, icons of the sizes Teams asks for, and ids the dispatcher knows.
public sealed class TeamsManifestTests : IAsyncLifetime
{
    private const string BotAppId = "6a1e5a53-0000-4000-8000-00000000b07a";
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"teams-package-{Guid.NewGuid():N}");
    private Dictionary<string, byte[]> files = [];

    private JsonObject Manifest => JsonNode.Parse(files["manifest.json"])!.AsObject();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var zip = Path.Combine(folder, "package.zip");
        var start = new ProcessStartInfo("python3", [Path.Combine(Checkout.Root, "manifests", "teams", "package.py"), "--bot-app-id", BotAppId, "--out", zip])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var python = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var errors = python.StandardError.ReadToEndAsync();
        await python.StandardOutput.ReadToEndAsync();
        await python.WaitForExitAsync();
        if (python.ExitCode != 0)
        {
            throw new InvalidOperationException($"package.py exited with {python.ExitCode}: {await errors}");
        }

        using var archive = ZipFile.OpenRead(zip);
        files = archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void HoldsTheManifestAndBothIconsAtTheRoot_WithTheAppIdFilledIn()
    {
        var manifest = Manifest;

        Assert.Equal(["color.png", "manifest.json", "outline.png"], files.Keys.Order());
        Assert.DoesNotContain("{{", manifest.ToJsonString());
        Assert.Equal(BotAppId, (string?)manifest["id"]);
        Assert.Equal(BotAppId, (string?)manifest["bots"]?[0]?["botId"]);
        Assert.Equal(BotAppId, (string?)manifest["composeExtensions"]?[0]?["botId"]);
    }

    [Fact]
    public async Task PassesTheTeamsSchema_WhenValidatedOfflineByAppManifest()
    {
        var result = await InteropScript.RunAsync<SchemaResult>("validate-teams-manifest.mjs", Manifest.ToJsonString(), "@microsoft/app-manifest");

        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("color.png", 192, false)]
    [InlineData("outline.png", 32, true)]
    public void HasTheIconSizeTeamsAsksFor(string icon, int size, bool whiteOnTransparent)
    {
        var (width, height, pixels) = Png(files[icon]);

        Assert.Equal((size, size), (width, height));
        if (whiteOnTransparent)
        {
            Assert.Contains(pixels, p => p.A == 0);
            Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        }
        else
        {
            Assert.All(pixels, p => Assert.Equal(255, p.A));
        }
    }

    [Fact]
    public void OffersOnlyWhatTheBotUnderstands_InCommandsAndMessageActions()
    {
        var manifest = Manifest;

        var commands = manifest["bots"]![0]!["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()).Select(c => (string)c!["title"]!).ToList();
        var actions = manifest["composeExtensions"]![0]!["commands"]!.AsArray().Select(c => (string)c!["id"]!).ToList();

        Assert.NotEmpty(commands);
        Assert.All(commands, title => Assert.IsNotType<NotUnderstoodCommand>(CommandParser.Parse(title, new DateOnly(2026, 11, 23), DayOfWeek.Monday)));
        Assert.Equal([TeamsIds.SaveSignalCommand], actions);
    }

    // An 8-bit RGBA PNG as make-icons.py writes it (filter type 0 on every row).
    private static (int Width, int Height, List<(byte R, byte G, byte B, byte A)> Pixels) Png(byte[] png)
    {
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        Assert.Equal((8, 6), (png[24], png[25]));
        using var data = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (png.AsSpan(at + 4, 4).SequenceEqual("IDAT"u8))
            {
                data.Write(png, at + 8, length);
            }

            at += length + 12;
        }

        data.Position = 0;
        using var inflated = new MemoryStream();
        new ZLibStream(data, CompressionMode.Decompress).CopyTo(inflated);
        var raw = inflated.ToArray();
        var pixels = new List<(byte, byte, byte, byte)>();
        for (var row = 0; row < height; row++)
        {
            var start = row * (1 + width * 4);
            Assert.Equal(0, raw[start]);
            for (var x = 0; x < width; x++)
            {
                var p = start + 1 + x * 4;
                pixels.Add((raw[p], raw[p + 1], raw[p + 2], raw[p + 3]));
            }
        }

        return (width, height, pixels);
    }

    private sealed record SchemaResult(IReadOnlyList<string> Errors);
}
