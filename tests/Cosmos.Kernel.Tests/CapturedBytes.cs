using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests
{
    // Bytes captured from a real boot and checked in under Resources/ as text: "#" comment lines saying where they
    // came from, "name: value" header lines, then base64 (gzip-compressed first when "encoding: gzip").
    public sealed class CapturedBytes
    {
        CapturedBytes(byte[] bytes, Dictionary<string, string> headers)
        {
            Bytes = bytes;
            _headers = headers;
        }

        readonly Dictionary<string, string> _headers;

        public byte[] Bytes { get; }

        // Where the bytes were in the machine's physical memory.
        public ulong PhysicalAddress => ulong.Parse(_headers["physical-address"].Substring(2), NumberStyles.HexNumber);

        public static CapturedBytes Load(string name)
        {
            string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Resources", name);
            var headers = new Dictionary<string, string>();
            var base64 = new StringBuilder();
            foreach (string line in File.ReadAllLines(path))
            {
                if (line.StartsWith("#") || line.Length == 0) continue;
                int colon = line.IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0) headers[line.Substring(0, colon)] = line.Substring(colon + 2);
                else base64.Append(line);
            }
            byte[] bytes = Convert.FromBase64String(base64.ToString());
            if (headers.TryGetValue("encoding", out string encoding) && encoding == "gzip") bytes = Gunzip(bytes);
            return new CapturedBytes(bytes, headers);
        }

        static byte[] Gunzip(byte[] compressed)
        {
            using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }
    }
}
