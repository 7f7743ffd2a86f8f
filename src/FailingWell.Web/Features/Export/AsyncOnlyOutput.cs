namespace FailingWell.Web.Features.Export;

/// <summary>
/// Lets the zip write to a stream that takes only asynchronous writes (a response body): ZipArchive
/// still writes the end of each entry and its central directory synchronously, so those writes wait
/// here, in a buffer of their own size, and go out with the next asynchronous write or flush.
/// </summary>
internal sealed class AsyncOnlyOutput(Stream inner) : Stream
{
    private readonly MemoryStream _waiting = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => _waiting.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _waiting.Write(buffer);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendWaitingAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendWaitingAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    // Nothing to do synchronously: what waits goes out at the next asynchronous write or flush.
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private async Task SendWaitingAsync(CancellationToken cancellationToken)
    {
        if (_waiting.Length > 0)
        {
            await inner.WriteAsync(_waiting.GetBuffer().AsMemory(0, (int)_waiting.Length), cancellationToken);
            _waiting.SetLength(0);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _waiting.Dispose();
        }

        base.Dispose(disposing);
    }
}
