/** Shown at / until the web interface is built (apps/web/dist). */
export const webPlaceholder = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>Vankien</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#222}code{background:#f3f3f3;padding:.1rem .3rem}</style>
</head>
<body>
<h1>Vankien — Soạn thảo văn kiện và tổng hợp ý kiến góp ý</h1>
<p>Hệ thống đang chạy. Giao diện web sẽ có ở địa chỉ này.</p>
<ul>
<li><a href="/health">/health</a> — tình trạng PostgreSQL, Redis, worker và các dịch vụ</li>
<li><a href="/docs">/docs</a> — tài liệu API (OpenAPI)</li>
<li><code>/api</code> — các API REST; <code>/collab</code> — soạn thảo cộng tác (WebSocket)</li>
</ul>
</body>
</html>
`;
