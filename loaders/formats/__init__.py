"""File formats: bytes in, clean text out (HTML, PDF, DOCX), and content sniffing."""
