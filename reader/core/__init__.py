"""The pure core: no Qt, no SQLAlchemy. Bytes in, a `Transcript` out, plus text views of it."""
