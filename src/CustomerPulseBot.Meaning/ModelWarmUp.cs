using CustomerPulseBot.Core.Meaning;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Meaning;

/// <summary>
/// Loads the model as the host starts (<see cref="MeaningOptions.WarmUp"/>), on a thread of its own so that start-up
/// does not wait for it. A model that cannot load is logged by the encoder, which then answers every caller so.
/// </summary>
internal sealed class ModelWarmUp(ITextEncoder encoder, IOptions<MeaningOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.WarmUp)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    encoder.Encode("warm up");
                }
                catch (Exception)
                {
                    // Logged once by the encoder; the host keeps serving without meaning.
                }
            }, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
