using System.Diagnostics;
using System.Text.Json;

namespace CustomerPulseBot.TestKit;

/// <summary>Runs a Node script from tests/interop with JSON on stdin and reads the JSON it prints.</summary>
public static class InteropScript
{
    public static string Folder { get; } = Path.Combine(Checkout.Root, "tests", "interop");

    /// <summary>Fails (never skips) when the packages are missing, naming the command that installs them.</summary>
    public static async Task<T> RunAsync<T>(string script, string input, string package)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", package)))
        {
            throw new InvalidOperationException(
                $"The interop package {package} is not installed: run `npm ci --prefix tests/interop` in {Checkout.Root}.");
        }

        var start = new ProcessStartInfo("node", [Path.Combine(Folder, script)])
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.StandardInput.WriteAsync(input);
        node.StandardInput.Close();
        await node.WaitForExitAsync();

        // Exit code 1 is an answer too (a validator saying it found problems); any other code, or output
        // that is not JSON (a crash also exits with 1), is the script failing.
        if (node.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"{script} exited with {node.ExitCode}: {await errors}");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(await output, JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException($"{script} printed null");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{script} exited with {node.ExitCode} without a JSON answer: {await errors}", e);
        }
    }
}
