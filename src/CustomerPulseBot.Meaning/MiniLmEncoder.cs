using System.Diagnostics;
using System.Numerics.Tensors;
using CustomerPulseBot.Core.Meaning;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace CustomerPulseBot.Meaning;

/// <summary>
/// all-MiniLM-L6-v2 on ONNX Runtime: tokens → last hidden state → mean over the real tokens → unit length, as
/// sentence-transformers computes it. The model loads on first use (see <see cref="MeaningSetup"/>); a load that
/// fails is remembered and every call reports it, rather than retrying 91 MB of work per quote.
/// </summary>
internal sealed class MiniLmEncoder : ITextEncoder, IDisposable
{
    /// <summary>Texts run through the model together: longer batches gain little on two cores and pad more.</summary>
    private const int BatchSize = 32;

    private readonly Lazy<PackagedModel> package = new(PackagedModel.Beside, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Lazy<Loaded> loaded;

    public MiniLmEncoder(MeaningOptions options, ILogger<MiniLmEncoder> logger) =>
        loaded = new Lazy<Loaded>(() => Load(options, logger), LazyThreadSafetyMode.ExecutionAndPublication);

    public int Dimensions => 384;

    /// <summary>From the package's DLL, read when first asked: a missing DLL is reported like any other load failure.</summary>
    public string Model => $"all-MiniLM-L6-v2/{Reported(() => package.Value).Version}";

    public float[] Encode(string text) => Encode([text])[0];

    public float[][] Encode(IReadOnlyList<string> texts)
    {
        var model = Ready();
        var tokens = new int[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            tokens[i] = model.Tokenizer.Tokenize(texts[i] ?? "");
        }

        // Similar lengths share a batch, so little of it is padding; the vectors go back in the callers' order.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Length).ToArray();
        var vectors = new float[texts.Count][];
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var batch = order.AsSpan(start, Math.Min(BatchSize, order.Length - start));
            Run(model, tokens, batch, vectors);
        }

        return vectors;
    }

    public void Dispose()
    {
        if (loaded.IsValueCreated)
        {
            loaded.Value.Session.Dispose();
            loaded.Value.RunOptions.Dispose();
        }
    }

    private Loaded Ready() => Reported(() => loaded.Value);

    private static T Reported<T>(Func<T> value)
    {
        try
        {
            return value();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"The sentence model all-MiniLM-L6-v2 could not be loaded: {e.Message}", e);
        }
    }

    private void Run(Loaded model, int[][] tokens, ReadOnlySpan<int> batch, float[][] vectors)
    {
        var rows = batch.Length;
        var width = tokens[batch[^1]].Length; // the longest: batches are cut from texts sorted by length
        var ids = new long[rows * width];
        var mask = new long[rows * width];
        for (var row = 0; row < rows; row++)
        {
            var sequence = tokens[batch[row]];
            for (var t = 0; t < sequence.Length; t++)
            {
                ids[row * width + t] = sequence[t];
                mask[row * width + t] = 1;
            }

            ids.AsSpan(row * width + sequence.Length, width - sequence.Length).Fill(model.Tokenizer.Pad);
        }

        long[] shape = [rows, width];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[rows * width], shape);
        var inputs = model.InputNames.Select(name => name switch
        {
            "input_ids" => idsValue,
            "attention_mask" => maskValue,
            _ => typesValue,
        }).ToArray();
        using var outputs = model.Session.Run(model.RunOptions, model.InputNames, inputs, model.OutputNames);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        for (var row = 0; row < rows; row++)
        {
            var count = tokens[batch[row]].Length;
            var vector = new float[Dimensions];
            for (var t = 0; t < count; t++)
            {
                TensorPrimitives.Add(vector, hidden.Slice((row * width + t) * Dimensions, Dimensions), vector);
            }

            // The mean's length is divided out anyway: normalising the sum gives the same unit vector.
            Vectors.Normalise(vector);
            vectors[batch[row]] = vector;
        }
    }

    private Loaded Load(MeaningOptions options, ILogger logger)
    {
        try
        {
            return Open(options, logger);
        }
        catch (Exception e)
        {
            // Logged once: the Lazy keeps this exception and every later call rethrows it without trying again.
            logger.LogError(e, "Could not load the sentence model all-MiniLM-L6-v2 (Meaning:ModelCache is {ModelCache}); nothing is encoded until the host restarts",
                options.ModelCacheOrDefault);
            throw;
        }
    }

    private Loaded Open(MeaningOptions options, ILogger logger)
    {
        var clock = Stopwatch.StartNew();
        var tokenizer = new WordPieceTokenizer(package.Value.ReadVocabulary());
        var path = package.Value.ModelFile(options.ModelCacheOrDefault);
        using var settings = new SessionOptions
        {
            IntraOpNumThreads = options.Threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // Spinning threads wait for work by burning their core: on two cores shared with the web host and the jobs, that
        // doubled the CPU time per quote. The memory arena stays on: without it resident memory after batches grew.
        settings.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        var session = new InferenceSession(path, settings);
        var output = session.OutputMetadata.Keys.FirstOrDefault(name => name is "last_hidden_state" or "token_embeddings");
        if (output is null)
        {
            session.Dispose();
            throw new InvalidDataException($"The model has no last_hidden_state output (it has {string.Join(", ", session.OutputMetadata.Keys)}).");
        }

        var model = new Loaded(session, tokenizer, [.. session.InputMetadata.Keys], [output], new RunOptions());
        logger.LogInformation("Loaded the sentence model {Model} from {Path} in {Milliseconds} ms", Model, path, clock.ElapsedMilliseconds);
        return model;
    }

    private sealed record Loaded(InferenceSession Session, WordPieceTokenizer Tokenizer, string[] InputNames, string[] OutputNames, RunOptions RunOptions);
}
