using System.Diagnostics;
using System.Net;
using CustomerPulseBot.TestKit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CustomerPulseBot.Web.Tests;

/// <summary>
/// The page as a person uses it: the real host on Kestrel, headless Chromium driven by
/// tests/interop/playground.spec.mjs. Set PLAYGROUND_SCREENSHOT to a .png path to keep a picture.
/// </summary>
public sealed class PlaygroundBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    // Only a guard against a hung browser; a passing run takes a few seconds.
    private static readonly TimeSpan Hung = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ShowsRenderedAnswerCards_WhenAPersonUsesThePageInChromium()
    {
        var interop = InteropScript.Folder;
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install it with 'apt-get install -y chromium' (.ci/run does).");
        Assert.True(Directory.Exists(Path.Combine(interop, "node_modules", "playwright-core")),
            "tests/interop/node_modules is missing: run 'npm ci --prefix tests/interop' (.ci/run does).");
        await using var app = PulseAppFactory.Sqlite();
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single(); // Kestrel always has it

        var (exitCode, log) = await RunNodeAsync(interop, address);

        output.WriteLine(log);
        Assert.True(exitCode == 0, log);
    }

    private static async Task<(int ExitCode, string Log)> RunNodeAsync(string directory, string address)
    {
        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=spec", "playground.spec.mjs"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PLAYGROUND_URL"] = address, ["CHROMIUM_PATH"] = Chromium },
        };
        using var node = Process.Start(start)!; // Process.Start returns null only when reusing a shell process
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var hung = new CancellationTokenSource(Hung);
        try
        {
            await node.WaitForExitAsync(hung.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync();
            return (-1, $"node did not finish within {Hung}:\n{await stdout}\n{await stderr}");
        }

        return (node.ExitCode, $"{await stdout}\n{await stderr}");
    }
}
