<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AnnotationController</name>
    <message>
        <source>Highlights are off: no annotation library was opened.</source>
        <translation>重點標示功能已關閉：沒有開啟註記資料庫。</translation>
    </message>
    <message>
        <source>&amp;Tags and Note…</source>
        <translation>標籤和筆記(&amp;T)…</translation>
    </message>
    <message>
        <source>Edit the tags and note of the highlight at the caret</source>
        <translation>編輯游標所在重點標示的標籤和筆記</translation>
    </message>
    <message>
        <source>&amp;Delete Highlight</source>
        <translation>刪除重點標示(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the highlight (Ctrl+Z brings it back)</source>
        <translation>刪除重點標示（Ctrl+Z 可恢復）</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Save &amp;Kept Edit</source>
        <translation>儲存保留的編輯(&amp;K)</translation>
    </message>
    <message>
        <source>Save again the last edit the library did not take</source>
        <translation>再次儲存資料庫未能接受的上一次編輯</translation>
    </message>
    <message>
        <source>Your &amp;Name…</source>
        <translation>您的名字(&amp;N)…</translation>
    </message>
    <message>
        <source>The name your highlights and notes are signed with in a shared library</source>
        <translation>在共用資料庫中，您的重點標示和筆記所署的名字</translation>
    </message>
    <message>
        <source>&amp;Highlights</source>
        <translation>重點標示(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Undo {edit}</source>
        <translation>復原 {edit}(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {edit}</source>
        <translation>重做 {edit}(&amp;R)</translation>
    </message>
    <message>
        <source>This file is an earlier version of a call in the library: showing the current version, where the highlights are.</source>
        <translation>此檔案是資料庫中某場法說會的舊版本：顯示的是目前版本，重點標示都在該版本上。</translation>
    </message>
    <message>
        <source>Corrected version: {n} highlights could not be placed; they are listed as orphaned.</source>
        <translation>修訂版本：有 {n} 處重點標示無法定位，已列為「未定位」。</translation>
    </message>
    <message>
        <source>Corrected version: 1 highlight could not be placed; it is listed as orphaned.</source>
        <translation>修訂版本：有 1 處重點標示無法定位，已列為「未定位」。</translation>
    </message>
    <message>
        <source>Highlights unavailable for this transcript: {reason}</source>
        <translation>此逐字稿無法使用重點標示：{reason}</translation>
    </message>
    <message>
        <source>Your Name</source>
        <translation>您的名字</translation>
    </message>
    <message>
        <source>Your highlights and notes are signed with this name in a shared library (now: {name}). Leave it empty for your system user name.</source>
        <translation>在共用資料庫中，您的重點標示和筆記以這個名字署名（目前：{name}）。留空則使用系統使用者名稱。</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>尚不知道</translation>
    </message>
    <message>
        <source>Highlights are off: {reason}</source>
        <translation>重點標示功能已關閉：{reason}</translation>
    </message>
    <message>
        <source>Annotation library not available</source>
        <translation>註記資料庫不可用</translation>
    </message>
    <message>
        <source>Transcripts still open for reading; highlights are off until the app can use its library.</source>
        <translation>逐字稿仍可開啟閱讀；在應用程式能夠使用資料庫之前，重點標示功能處於關閉狀態。</translation>
    </message>
    <message>
        <source>no annotation library</source>
        <translation>沒有註記資料庫</translation>
    </message>
    <message>
        <source>This transcript is still being added to the library; try again.</source>
        <translation>此逐字稿仍在加入資料庫，請稍後再試。</translation>
    </message>
    <message>
        <source>Select some text first, then highlight it.</source>
        <translation>請先選取文字，再標示重點。</translation>
    </message>
    <message>
        <source>Highlight not saved</source>
        <translation>重點標示未儲存</translation>
    </message>
    <message>
        <source>The edit is kept: Retry saves it again.</source>
        <translation>修改已保留：點選「重試」可再次儲存。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>Save Your Kept Edit?</source>
        <translation>儲存保留的編輯？</translation>
    </message>
    <message>
        <source>The library&apos;s server is back. Your last edit was not saved; it is kept.</source>
        <translation>資料庫的伺服器已恢復。您的上一次編輯尚未儲存，已為您保留。</translation>
    </message>
    <message>
        <source>Save Now</source>
        <translation>立即儲存</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍後</translation>
    </message>
    <message>
        <source>Your edit is kept: Annotate → Save Kept Edit saves it.</source>
        <translation>您的編輯已保留：「註記 → 儲存保留的編輯」可儲存它。</translation>
    </message>
    <message>
        <source>No kept edit to save.</source>
        <translation>沒有保留的編輯需要儲存。</translation>
    </message>
    <message>
        <source>Someone else deleted this highlight already.</source>
        <translation>這則重點標示已被他人刪除。</translation>
    </message>
    <message>
        <source>Someone else deleted this highlight after you opened it, so your edit has nowhere to go.</source>
        <translation>在您開啟這則重點標示之後，有人刪除了它，因此您的編輯無處儲存。</translation>
    </message>
    <message>
        <source>What you typed is on the clipboard.</source>
        <translation>您輸入的內容已複製到剪貼簿。</translation>
    </message>
    <message>
        <source>Kept their version of the highlight.</source>
        <translation>已保留對方版本的重點標示。</translation>
    </message>
    <message>
        <source>Your edit is kept: Annotate → Save Kept Edit saves it over theirs.</source>
        <translation>您的編輯已保留：「註記 → 儲存保留的編輯」會用它覆蓋對方的版本。</translation>
    </message>
    <message>
        <source>Put the caret in a highlight, or select one in the Highlights list.</source>
        <translation>請將游標放在某處重點標示中，或在重點標示清單中選擇一項。</translation>
    </message>
    <message>
        <source>No highlight here to delete.</source>
        <translation>此處沒有可刪除的重點標示。</translation>
    </message>
    <message>
        <source>Highlight deleted (Ctrl+Z brings it back).</source>
        <translation>重點標示已刪除（Ctrl+Z 可恢復）。</translation>
    </message>
    <message>
        <source>Orphaned highlight: its text is not in this version of the call (shown where it used to be).</source>
        <translation>未定位的重點標示：其文字不在本版本的法說會逐字稿中（顯示在原來的位置）。</translation>
    </message>
    <message>
        <source>This highlight is hidden by the layout or the speaker filter.</source>
        <translation>此重點標示被目前版面或發言人篩選隱藏了。</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <source>Highlight: Tags and Note</source>
        <translation>重點標示：標籤和筆記</translation>
    </message>
    <message>
        <source>Orphaned (not in the current version): </source>
        <translation>未定位（不在目前版本中）：</translation>
    </message>
    <message>
        <source>guidance, credit-risk</source>
        <translation>財測, 信用風險</translation>
    </message>
    <message>
        <source>Your note on this passage</source>
        <translation>你對這段文字的筆記</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>顏色：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>標籤：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>筆記：</translation>
    </message>
</context>
<context>
    <name>BackLinks</name>
    <message>
        <source>Cannot follow this link: {reason}</source>
        <translation>無法開啟此連結：{reason}</translation>
    </message>
    <message>
        <source>Cannot follow this link: the library is not open ({reason})</source>
        <translation>無法開啟此連結：資料庫未開啟（{reason}）</translation>
    </message>
    <message>
        <source>no library</source>
        <translation>沒有資料庫</translation>
    </message>
    <message>
        <source>The call this link points to (sha256 {sha}…) is not in the library; import its transcript first.</source>
        <translation>此連結指向的電話會議（sha256 {sha}…）不在資料庫中；請先匯入其逐字稿。</translation>
    </message>
    <message>
        <source>{call}: the transcript was corrected since this link was made; opened without the passage.</source>
        <translation>{call}：此連結建立後逐字稿已更正；已開啟，但未定位到該段落。</translation>
    </message>
</context>
<context>
    <name>Citation</name>
    <message>
        <source>, for {name}</source>
        <translation>，代表{name}</translation>
    </message>
    <message>
        <source>Open in Transcript Reader</source>
        <translation>在 Transcript Reader 中開啟</translation>
    </message>
</context>
<context>
    <name>CitationCopier</name>
    <message>
        <source>Copy with &amp;Citation</source>
        <translation>附出處複製(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selection with its speaker, call and a link back to it</source>
        <translation>複製所選內容，並附上發言人、電話會議和返回原文的連結</translation>
    </message>
    <message>
        <source>Select some text first, then copy it with its citation.</source>
        <translation>請先選取文字，再附出處複製。</translation>
    </message>
    <message>
        <source>Copied with its citation (plain text, Markdown and HTML).</source>
        <translation>已附出處複製（純文字、Markdown 和 HTML）。</translation>
    </message>
</context>
<context>
    <name>ColourNamesDialog</name>
    <message>
        <source>Colour Names</source>
        <translation>顏色名稱</translation>
    </message>
    <message>
        <source>What each highlight colour means to you; shown in menus, the list and exported notes.</source>
        <translation>每種重點標示顏色對你的含義；會顯示在選單、清單和匯出的筆記中。</translation>
    </message>
    <message>
        <source>a name is needed</source>
        <translation>需要一個名稱</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Highlight Changed by Someone Else</source>
        <translation>重點標示已被他人修改</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <source>You deleted it.</source>
        <translation>您刪除了它。</translation>
    </message>
    <message>
        <source>Your edit was not saved.</source>
        <translation>您的編輯未儲存。</translation>
    </message>
    <message>
        <source>{who} saved this highlight after you opened it. {what} Keep yours, or take theirs.</source>
        <translation>{who} 在您開啟這則重點標示之後儲存了它。{what} 請保留您的版本，或採用對方的版本。</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <source>Theirs ({who})</source>
        <translation>對方的版本（{who}）</translation>
    </message>
    <message>
        <source>Delete Anyway</source>
        <translation>仍然刪除</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Take Theirs</source>
        <translation>採用對方的</translation>
    </message>
    <message>
        <source>Copy Theirs</source>
        <translation>複製對方的</translation>
    </message>
    <message>
        <source>Copy their note, tags and colour to the clipboard</source>
        <translation>將對方的筆記、標籤和顏色複製到剪貼簿</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已刪除）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>顏色：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>標籤：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>筆記：</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已複製</translation>
    </message>
</context>
<context>
    <name>DiscrepancyPanel</name>
    <message>
        <source>Previous Discrepancy</source>
        <translation>上一處差異</translation>
    </message>
    <message>
        <source>Previous discrepancy (Shift+F8)</source>
        <translation>上一處差異（Shift+F8）</translation>
    </message>
    <message>
        <source>Next Discrepancy</source>
        <translation>下一處差異</translation>
    </message>
    <message>
        <source>Next discrepancy (F8)</source>
        <translation>下一處差異（F8）</translation>
    </message>
    <message>
        <source>No transcript open</source>
        <translation>沒有開啟的逐字稿</translation>
    </message>
    <message>
        <source>Comparing the interpretation with the Mandarin…</source>
        <translation>正在將口譯與中文原文對照…</translation>
    </message>
    <message>
        <source>No Mandarin turns with an interpretation to compare</source>
        <translation>沒有帶口譯的中文發言可供對照</translation>
    </message>
    <message>
        <source>{n} interpreted turns</source>
        <translation>{n} 段經口譯的發言</translation>
    </message>
    <message>
        <source>{n} interpreted turn</source>
        <translation>{n} 段經口譯的發言</translation>
    </message>
    <message>
        <source>No discrepancies in {turns}</source>
        <translation>{turns}中沒有差異</translation>
    </message>
    <message>
        <source>{n} to check in {turns}</source>
        <translation>{turns}中有 {n} 處待核對</translation>
    </message>
    <message>
        <source>Comparing the interpretation with the Mandarin… {done}/{total}</source>
        <translation>正在將口譯與中文原文對照… {done}/{total}</translation>
    </message>
    <message>
        <source>Could not compare: {reason}</source>
        <translation>無法對照：{reason}</translation>
    </message>
</context>
<context>
    <name>DocumentOpener</name>
    <message>
        <source>{name}: could not be displayed (internal error: {error})</source>
        <translation>{name}：無法顯示（內部錯誤：{error}）</translation>
    </message>
    <message>
        <source>Cannot open transcript</source>
        <translation>無法開啟逐字稿</translation>
    </message>
    <message>
        <source>Open Transcripts</source>
        <translation>開啟逐字稿</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>清除最近開啟的檔案(&amp;C)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>沒有最近開啟的檔案</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在開啟 {name}…</translation>
    </message>
    <message>
        <source>Opening {n} files…</source>
        <translation>正在開啟 {n} 個檔案…</translation>
    </message>
</context>
<context>
    <name>DocumentWriter</name>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Interpretation</source>
        <translation>口譯</translation>
    </message>
    <message>
        <source>interpreting</source>
        <translation>口譯</translation>
    </message>
    <message>
        <source>interpreted</source>
        <translation>經口譯</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in transcript (Simplified and Traditional match)</source>
        <translation>在逐字稿中尋找（簡繁互通）</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>第 {current} 個，共 {total} 個</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>上一個相符項目（Shift+Enter、Shift+F3）</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>下一個相符項目（Enter、F3）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>關閉（Esc）</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>尋找：</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>沒有相符項目</translation>
    </message>
    <message>
        <source>{total} found</source>
        <translation>找到 {total} 個</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>Find bar: next match</source>
        <translation>尋找列：下一個相符項目</translation>
    </message>
    <message>
        <source>Find bar: previous match</source>
        <translation>尋找列：上一個相符項目</translation>
    </message>
    <message>
        <source>Find bar: close</source>
        <translation>尋找列：關閉</translation>
    </message>
    <message>
        <source>Zoom with the mouse</source>
        <translation>用滑鼠縮放</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>關於 {app}</translation>
    </message>
    <message>
        <source>Read earnings-call transcripts: Mandarin and its English interpretation side by side.</source>
        <translation>閱讀法說會逐字稿：中文原文與英文口譯並排對照。</translation>
    </message>
</context>
<context>
    <name>HighlightExport</name>
    <message>
        <source>&amp;Export Highlights…</source>
        <translation>匯出重點標示(&amp;E)…</translation>
    </message>
    <message>
        <source>Save this transcript&apos;s highlights as a Markdown note</source>
        <translation>將本逐字稿的重點標示儲存為 Markdown 筆記</translation>
    </message>
    <message>
        <source>Export &amp;All Highlights…</source>
        <translation>匯出全部重點標示(&amp;A)…</translation>
    </message>
    <message>
        <source>Save a Markdown note per transcript with highlights</source>
        <translation>為每份有重點標示的逐字稿各儲存一篇 Markdown 筆記</translation>
    </message>
    <message>
        <source>Export Highlights</source>
        <translation>匯出重點標示</translation>
    </message>
    <message>
        <source>Exported {n} highlights to {target}</source>
        <translation>已將 {n} 處重點標示匯出到 {target}</translation>
    </message>
    <message>
        <source>Exported 1 highlight to {target}</source>
        <translation>已將 1 處重點標示匯出到 {target}</translation>
    </message>
    <message>
        <source>Export All Highlights to Folder</source>
        <translation>將全部重點標示匯出到資料夾</translation>
    </message>
    <message>
        <source>Exported {n} notes to {folder}</source>
        <translation>已將 {n} 篇筆記匯出到 {folder}</translation>
    </message>
    <message>
        <source>Exported 1 note to {folder}</source>
        <translation>已將 1 篇筆記匯出到 {folder}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
</context>
<context>
    <name>HighlightPalette</name>
    <message>
        <source>&amp;Highlight</source>
        <translation>標示重點(&amp;H)</translation>
    </message>
    <message>
        <source>Highlight the selection in the last colour used</source>
        <translation>以上次使用的顏色標示所選文字</translation>
    </message>
    <message>
        <source>Colour {n}</source>
        <translation>顏色 {n}</translation>
    </message>
    <message>
        <source>Colour &amp;Names…</source>
        <translation>顏色名稱(&amp;N)…</translation>
    </message>
    <message>
        <source>Name what each highlight colour means</source>
        <translation>為每種重點標示顏色命名其含義</translation>
    </message>
    <message>
        <source>Highlight as {colour}</source>
        <translation>標示為「{colour}」</translation>
    </message>
    <message>
        <source>Highlight as {colour} ({key})</source>
        <translation>標示為「{colour}」（{key}）</translation>
    </message>
    <message>
        <source>Highlight the selection as {colour} (Ctrl+H)</source>
        <translation>將所選文字標示為「{colour}」（Ctrl+H）</translation>
    </message>
</context>
<context>
    <name>HighlightsDock</name>
    <message>
        <source>Highlights</source>
        <translation>重點標示</translation>
    </message>
    <message>
        <source>Filter quotes, notes and tags</source>
        <translation>篩選引文、筆記和標籤</translation>
    </message>
    <message>
        <source>Any colour</source>
        <translation>任意顏色</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意標籤</translation>
    </message>
    <message>
        <source>Any speaker</source>
        <translation>任意發言人</translation>
    </message>
    <message>
        <source>Any section</source>
        <translation>任意環節</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Whose highlights to list</source>
        <translation>列出誰的重點標示</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Show every highlight</source>
        <translation>顯示全部重點標示</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Open a transcript to see its highlights, or see every highlight of the library in the Notebook (Ctrl+Shift+B).</source>
        <translation>開啟逐字稿以檢視其重點標示，或在筆記本中檢視資料庫的全部重點標示（Ctrl+Shift+B）。</translation>
    </message>
    <message>
        <source>No highlights yet: select text and press Ctrl+H (or Ctrl+1 to Ctrl+4).</source>
        <translation>還沒有重點標示：選取文字後按 Ctrl+H（或 Ctrl+1 至 Ctrl+4）。</translation>
    </message>
    <message>
        <source>{n} highlights</source>
        <translation>{n} 處重點標示</translation>
    </message>
    <message>
        <source>1 highlight</source>
        <translation>1 處重點標示</translation>
    </message>
    <message>
        <source>, {n} shown</source>
        <translation>，顯示 {n} 處</translation>
    </message>
    <message>
        <source>; {n} orphaned (their text is not in this version)</source>
        <translation>；{n} 處未定位（其文字不在此版本中）</translation>
    </message>
</context>
<context>
    <name>HighlightsModel</name>
    <message>
        <source>Orphaned: this text is not in the current version of the call.</source>
        <translation>未定位：這段文字不在目前版本的法說會逐字稿中。</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>{doing} (internal error: {error})</source>
        <translation>{doing}（內部錯誤：{error}）</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>orphaned</source>
        <translation>未定位</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>筆記</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>發言人</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>環節</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>顏色</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>As in file</source>
        <translation>保持原樣</translation>
    </message>
    <message>
        <source>Simplified</source>
        <translation>簡體</translation>
    </message>
    <message>
        <source>Traditional</source>
        <translation>繁體</translation>
    </message>
    <message>
        <source>Traditional (Taiwan)</source>
        <translation>繁體（臺灣）</translation>
    </message>
    <message>
        <source>Traditional (Hong Kong)</source>
        <translation>繁體（香港）</translation>
    </message>
    <message>
        <source>Summary (generated by the source, not said on the call)</source>
        <translation>摘要（由來源網站產生，並非會上所言）</translation>
    </message>
    <message>
        <source>Prepared remarks</source>
        <translation>開場發言</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>問答環節</translation>
    </message>
    <message>
        <source>Summary (generated)</source>
        <translation>摘要（自動產生）</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation>問答</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>簡報環節</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>management</source>
        <translation>管理層</translation>
    </message>
    <message>
        <source>unknown speaker</source>
        <translation>發言人不詳</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>分析師</translation>
    </message>
    <message>
        <source>interpreter</source>
        <translation>口譯員</translation>
    </message>
    <message>
        <source>Transcripts</source>
        <translation>逐字稿</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>所有檔案</translation>
    </message>
    <message>
        <source>Add highlight</source>
        <translation>新增重點標示</translation>
    </message>
    <message>
        <source>Edit highlight</source>
        <translation>編輯重點標示</translation>
    </message>
    <message>
        <source>Delete highlight</source>
        <translation>刪除重點標示</translation>
    </message>
    <message>
        <source>Recolour</source>
        <translation>變更顏色</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>新增標籤</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>移除標籤</translation>
    </message>
    <message>
        <source>Any period</source>
        <translation>任意期間</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>重點標示</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>所有期間</translation>
    </message>
    <message>
        <source>Figure differs</source>
        <translation>數字不符</translation>
    </message>
    <message>
        <source>Figure on one side only</source>
        <translation>數字僅見於一方</translation>
    </message>
    <message>
        <source>Not interpreted</source>
        <translation>未口譯</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>並排</translation>
    </message>
    <message>
        <source>Interleaved</source>
        <translation>交替</translation>
    </message>
    <message>
        <source>Original only</source>
        <translation>僅原文</translation>
    </message>
    <message>
        <source>Interpretation only</source>
        <translation>僅口譯</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Lan&amp;guage</source>
        <translation>語言(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;System ({language})</source>
        <translation>跟隨系統(&amp;S)（{language}）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>The new language shows when Transcript Reader starts next.</source>
        <translation>新的語言將在下次啟動 Transcript Reader 時生效。</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <source>Library</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>資料庫(&amp;L)</translation>
    </message>
    <message>
        <source>Every call in the library</source>
        <translation>資料庫中的所有法說會</translation>
    </message>
    <message>
        <source>&amp;Search All Calls…</source>
        <translation>搜尋所有法說會(&amp;S)…</translation>
    </message>
    <message>
        <source>Search every call in the library, in either script</source>
        <translation>以簡體或繁體搜尋資料庫中的每場法說會</translation>
    </message>
    <message>
        <source>&amp;Import Files to Library…</source>
        <translation>匯入檔案到資料庫(&amp;I)…</translation>
    </message>
    <message>
        <source>Add transcript files to the library</source>
        <translation>將逐字稿檔案加入資料庫</translation>
    </message>
    <message>
        <source>Import F&amp;older to Library…</source>
        <translation>匯入資料夾到資料庫(&amp;O)…</translation>
    </message>
    <message>
        <source>Add every transcript in a folder and its subfolders to the library</source>
        <translation>將資料夾及其子資料夾中的所有逐字稿加入資料庫</translation>
    </message>
    <message>
        <source>The library is not available: {reason}</source>
        <translation>資料庫不可用：{reason}</translation>
    </message>
    <message>
        <source>The library is off: no annotation library was opened.</source>
        <translation>資料庫已關閉：沒有開啟註記資料庫。</translation>
    </message>
    <message>
        <source>Opening the library…</source>
        <translation>正在開啟資料庫…</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>法說會</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Remove from Library</source>
        <translation>從資料庫中移除</translation>
    </message>
    <message>
        <source>Remove {call} from the library?</source>
        <translation>要將 {call} 從資料庫中移除嗎？</translation>
    </message>
    <message>
        <source>Its 1 highlight and its note go with it; this cannot be undone. </source>
        <translation>其 1 處重點標示及筆記將一併移除，且無法復原。</translation>
    </message>
    <message>
        <source>Its {n} highlights and their notes go with it; this cannot be undone. </source>
        <translation>其 {n} 處重點標示及筆記將一併移除，且無法復原。</translation>
    </message>
    <message>
        <source>The transcript file itself is not touched.</source>
        <translation>逐字稿檔案本身不受影響。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Details of {call} saved.</source>
        <translation>已儲存 {call} 的詳細資訊。</translation>
    </message>
    <message>
        <source>Removed {call} from the library.</source>
        <translation>已將 {call} 從資料庫中移除。</translation>
    </message>
</context>
<context>
    <name>LibraryLink</name>
    <message>
        <source>{name}: could not be displayed (internal error: {error})</source>
        <translation>{name}：無法顯示（內部錯誤：{error}）</translation>
    </message>
    <message>
        <source>The match is in text the layout or the speaker filter hides.</source>
        <translation>相符項目位於被目前版面或發言人篩選隱藏的文字中。</translation>
    </message>
    <message>
        <source>Library import: {summary}</source>
        <translation>資料庫匯入：{summary}</translation>
    </message>
</context>
<context>
    <name>LibrarySession</name>
    <message>
        <source>internal error ({error})</source>
        <translation>內部錯誤（{error}）</translation>
    </message>
    <message>
        <source>The library&apos;s server is back</source>
        <translation>資料庫的伺服器已恢復連線</translation>
    </message>
    <message>
        <source>the annotation library is not available</source>
        <translation>註記資料庫不可用</translation>
    </message>
</context>
<context>
    <name>LibrarySwitch</name>
    <message>
        <source>Open &amp;Library…</source>
        <translation>開啟資料庫(&amp;L)…</translation>
    </message>
    <message>
        <source>Switch to this computer&apos;s library or a team library on a server</source>
        <translation>切換到本機的資料庫，或伺服器上的團隊資料庫</translation>
    </message>
    <message>
        <source>This library is open already.</source>
        <translation>這個資料庫已經開啟。</translation>
    </message>
    <message>
        <source>Switch Libraries?</source>
        <translation>切換資料庫？</translation>
    </message>
    <message>
        <source>Your last edit has not been saved to this library, and another library cannot take it. Switch anyway? What you typed in it is copied to the clipboard first.</source>
        <translation>您的上一次編輯尚未儲存到這個資料庫，另一個資料庫也無法接收它。仍要切換嗎？切換前會先把您輸入的內容複製到剪貼簿。</translation>
    </message>
    <message>
        <source>Copy and Switch</source>
        <translation>複製並切換</translation>
    </message>
</context>
<context>
    <name>LibraryTableModel</name>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>股票代號</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>版面</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>重點標示</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Import Files…</source>
        <translation>匯入檔案…</translation>
    </message>
    <message>
        <source>Import Folder…</source>
        <translation>匯入資料夾…</translation>
    </message>
    <message>
        <source>Company, ticker or file name</source>
        <translation>公司、股票代號或檔案名稱</translation>
    </message>
    <message>
        <source>Group by Company</source>
        <translation>依公司分組</translation>
    </message>
    <message>
        <source>One branch per company, its calls under it (a renamed company&apos;s calls together, by ticker)</source>
        <translation>每家公司一個分支，其法說會列於其下（更名公司的法說會依股票代號歸在一起）</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開啟(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Remove from Library…</source>
        <translation>從資料庫中移除(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Edit Details…</source>
        <translation>編輯詳細資訊(&amp;E)…</translation>
    </message>
    <message>
        <source>Company, ticker, period and date of this call (F2)</source>
        <translation>此法說會的公司、股票代號、期間和日期 (F2)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Files that could not be imported, with the reason</source>
        <translation>無法匯入的檔案及原因</translation>
    </message>
    <message>
        <source>{n} calls in the library</source>
        <translation>資料庫中有 {n} 場法說會</translation>
    </message>
    <message>
        <source>1 call in the library</source>
        <translation>資料庫中有 1 場法說會</translation>
    </message>
    <message>
        <source>Also named: {names}</source>
        <translation>其他名稱：{names}</translation>
    </message>
    <message>
        <source>{n} calls</source>
        <translation>{n} 場法說會</translation>
    </message>
    <message>
        <source>1 call</source>
        <translation>1 場法說會</translation>
    </message>
    <message>
        <source>import failed</source>
        <translation>匯入失敗</translation>
    </message>
    <message>
        <source>Looking for transcripts…</source>
        <translation>正在尋找逐字稿…</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>完成目前檔案後停止…</translation>
    </message>
    <message>
        <source>Import Transcripts</source>
        <translation>匯入逐字稿</translation>
    </message>
    <message>
        <source>Import a Folder of Transcripts</source>
        <translation>匯入一個逐字稿資料夾</translation>
    </message>
    <message>
        <source>{done} / {total} files</source>
        <translation>{done} / {total} 個檔案</translation>
    </message>
    <message>
        <source>Import stopped: {reason}</source>
        <translation>匯入已停止：{reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open a transcript with File → Open (Ctrl+O),
or drop transcript files on this window.
Calls read before are in the Library (Ctrl+Shift+L).</source>
        <translation>透過「檔案 → 開啟」（Ctrl+O）開啟逐字稿，
或將逐字稿檔案拖放到此視窗。
以前讀過的法說會都在資料庫中（Ctrl+Shift+L）。</translation>
    </message>
    <message>
        <source>Open Transcript…</source>
        <translation>開啟逐字稿…</translation>
    </message>
    <message>
        <source>Library…</source>
        <translation>資料庫…</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>差異</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>大綱</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開啟(&amp;O)…</translation>
    </message>
    <message>
        <source>Open transcript files</source>
        <translation>開啟逐字稿檔案</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>關閉分頁(&amp;C)</translation>
    </message>
    <message>
        <source>Close the current transcript</source>
        <translation>關閉目前逐字稿</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>Jump to &amp;Q&amp;&amp;A</source>
        <translation>跳到問答環節(&amp;Q)</translation>
    </message>
    <message>
        <source>Go to the start of questions and answers</source>
        <translation>跳到問答環節開頭</translation>
    </message>
    <message>
        <source>&amp;Next Question</source>
        <translation>下一個提問(&amp;N)</translation>
    </message>
    <message>
        <source>Go to the next analyst question</source>
        <translation>跳到分析師的下一個提問</translation>
    </message>
    <message>
        <source>&amp;Previous Question</source>
        <translation>上一個提問(&amp;P)</translation>
    </message>
    <message>
        <source>Go to the previous analyst question</source>
        <translation>跳到分析師的上一個提問</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>尋找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find text in either Chinese script</source>
        <translation>尋找文字，簡繁互通</translation>
    </message>
    <message>
        <source>Find Ne&amp;xt</source>
        <translation>尋找下一個(&amp;X)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>尋找上一個(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>關於 {app}(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Outline</source>
        <translation>大綱(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Discrepancies</source>
        <translation>差異(&amp;D)</translation>
    </message>
    <message>
        <source>{layout} layout · {turns} turns · {questions} questions</source>
        <translation>{layout} 版面 · {turns} 段發言 · {questions} 個提問</translation>
    </message>
    <message>
        <source> · {n} damaged bytes replaced (shown as {mark})</source>
        <translation> · 已替換 {n} 個損壞位元組（顯示為 {mark}）</translation>
    </message>
    <message>
        <source> · 1 damaged byte replaced (shown as {mark})</source>
        <translation> · 已替換 1 個損壞位元組（顯示為 {mark}）</translation>
    </message>
    <message>
        <source>Folders go into the library, which is busy or not open.</source>
        <translation>資料夾需匯入資料庫，但資料庫正忙或未開啟。</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Call Details</source>
        <translation>法說會詳細資訊</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>公司(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Ticker:</source>
        <translation>股票代號(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期間(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>as the call names it</source>
        <translation>依法說會中的名稱</translation>
    </message>
    <message>
        <source>QFIN, 9988.HK</source>
        <translation>QFIN、9988.HK</translation>
    </message>
    <message>
        <source>Q1 2024, FY2023, H1 2024</source>
        <translation>Q1 2024、FY2023、H1 2024</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Use the File&apos;s Values</source>
        <translation>使用檔案中的值</translation>
    </message>
    <message>
        <source>Forget your values: company, ticker, period and date as read from the file</source>
        <translation>忘記您的值：使用從檔案讀取的公司、股票代號、期間和日期</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>All speakers</source>
        <translation>所有發言人</translation>
    </message>
    <message>
        <source>This transcript has no Q&amp;A section.</source>
        <translation>此逐字稿沒有問答環節。</translation>
    </message>
    <message>
        <source>No next question.</source>
        <translation>沒有下一個提問。</translation>
    </message>
    <message>
        <source>No previous question.</source>
        <translation>沒有上一個提問。</translation>
    </message>
</context>
<context>
    <name>NotebookLink</name>
    <message>
        <source>&amp;Notebook: All Highlights…</source>
        <translation>筆記本：全部重點標示(&amp;N)…</translation>
    </message>
    <message>
        <source>Every highlight of the library, filtered and exported</source>
        <translation>資料庫的全部重點標示，可篩選和匯出</translation>
    </message>
    <message>
        <source>Orphaned highlight: its text is not in this version of the call.</source>
        <translation>未定位的重點標示：其文字不在此版本的電話會議中。</translation>
    </message>
</context>
<context>
    <name>NotebookModel</name>
    <message>
        <source>reading highlights failed</source>
        <translation>讀取重點標示失敗</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>電話會議</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>發言人</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>顏色</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>筆記</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>[orphaned] {quote}</source>
        <translation>[未定位] {quote}</translation>
    </message>
</context>
<context>
    <name>NotebookWindow</name>
    <message>
        <source>Notebook: Highlights of the Library</source>
        <translation>筆記本：資料庫的重點標示</translation>
    </message>
    <message>
        <source>Filter quotes and notes (either script)</source>
        <translation>篩選引文和筆記（簡繁皆可）</translation>
    </message>
    <message>
        <source>Any company</source>
        <translation>任意公司</translation>
    </message>
    <message>
        <source>Any period</source>
        <translation>任意期間</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意標籤</translation>
    </message>
    <message>
        <source>Any colour</source>
        <translation>任意顏色</translation>
    </message>
    <message>
        <source>Any speaker</source>
        <translation>任意發言人</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Whose highlights to list</source>
        <translation>列出誰的重點標示</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>管理層</translation>
    </message>
    <message>
        <source>Analysts</source>
        <translation>分析師</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Interpreters</source>
        <translation>口譯員</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Show every highlight</source>
        <translation>顯示全部重點標示</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <source>Save the highlights shown (all pages) as Markdown, JSON or CSV</source>
        <translation>將顯示的重點標示（所有頁）儲存為 Markdown、JSON 或 CSV</translation>
    </message>
    <message>
        <source>Markdown (as shown)…</source>
        <translation>Markdown（依顯示內容）…</translation>
    </message>
    <message>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Copy with &amp;Citation</source>
        <translation>附出處複製(&amp;C)</translation>
    </message>
    <message>
        <source>reading the library failed</source>
        <translation>讀取資料庫失敗</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>The annotation library is not open.</source>
        <translation>標註資料庫未開啟。</translation>
    </message>
    <message>
        <source>Loading highlights…</source>
        <translation>正在載入重點標示…</translation>
    </message>
    <message>
        <source>No highlight matches these filters.</source>
        <translation>沒有符合這些篩選條件的重點標示。</translation>
    </message>
    <message>
        <source>No highlights yet: select text in a call and press Ctrl+H.</source>
        <translation>尚無重點標示：在電話會議中選取文字並按 Ctrl+H。</translation>
    </message>
    <message>
        <source>1 highlight</source>
        <translation>1 則重點標示</translation>
    </message>
    <message>
        <source>{n} highlights</source>
        <translation>{n} 則重點標示</translation>
    </message>
    <message>
        <source>; {n} loaded (more as you scroll)</source>
        <translation>；已載入 {n} 則（捲動時載入更多）</translation>
    </message>
    <message>
        <source>Select highlights to copy them with their citations.</source>
        <translation>請選取要附出處複製的重點標示。</translation>
    </message>
    <message>
        <source>Copied 1 highlight with its citation.</source>
        <translation>已附出處複製 1 則重點標示。</translation>
    </message>
    <message>
        <source>Copied {n} highlights with their citations.</source>
        <translation>已附出處複製 {n} 則重點標示。</translation>
    </message>
    <message>
        <source>Nothing to export: no highlight is shown.</source>
        <translation>沒有可匯出的內容：未顯示任何重點標示。</translation>
    </message>
    <message>
        <source>Export Highlights</source>
        <translation>匯出重點標示</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在匯出…</translation>
    </message>
    <message>
        <source>export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <source>Exported {n} highlights to {path}</source>
        <translation>已將 {n} 則重點標示匯出到 {path}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
</context>
<context>
    <name>OpenLibraryDialog</name>
    <message>
        <source>Open Library</source>
        <translation>開啟資料庫</translation>
    </message>
    <message>
        <source>This computer&apos;s library</source>
        <translation>本機的資料庫</translation>
    </message>
    <message>
        <source>A team library, or another library file:</source>
        <translation>團隊資料庫，或另一個資料庫檔案：</translation>
    </message>
    <message>
        <source>postgresql://you@db.desk.example/research, or a service name</source>
        <translation>postgresql://you@db.desk.example/research，或服務名稱</translation>
    </message>
    <message>
        <source>Passwords are never stored by the app. The server&apos;s client library finds yours in ~/.pgpass, in the PGPASSWORD variable, or in a service file (~/.pg_service.conf, used with a service name); sslmode and other options go in the URL. A password typed in the URL is used this time only.</source>
        <translation>本應用程式從不儲存密碼。伺服器的用戶端程式庫會在 ~/.pgpass、PGPASSWORD 環境變數或服務檔案（~/.pg_service.conf，搭配服務名稱使用）中找到您的密碼；sslmode 等選項寫在 URL 中。URL 中輸入的密碼只用於這一次。</translation>
    </message>
    <message>
        <source>Type a postgresql:// address, a service name or a library file.</source>
        <translation>請輸入 postgresql:// 位址、服務名稱或資料庫檔案。</translation>
    </message>
</context>
<context>
    <name>OpenQueue</name>
    <message>
        <source>cannot be read</source>
        <translation>無法讀取</translation>
    </message>
    <message>
        <source>{name}: could not be read</source>
        <translation>{name}：無法讀取</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>: written by the website, not said on the call</source>
        <translation>：由網站撰寫，並非會上所言</translation>
    </message>
    <message>
        <source>{n} turns, {first}–{last}</source>
        <translation>{n} 段發言，第 {first}–{last} 段</translation>
    </message>
    <message>
        <source>Doubts · {n}</source>
        <translation>存疑 · {n}</translation>
    </message>
    <message>
        <source>Parts of this outline are guesses:</source>
        <translation>此大綱中有部分內容是推測的：</translation>
    </message>
    <message>
        <source>Company: {value}</source>
        <translation>公司：{value}</translation>
    </message>
    <message>
        <source>Ticker: {value}</source>
        <translation>股票代號：{value}</translation>
    </message>
    <message>
        <source>Period: {value}</source>
        <translation>期間：{value}</translation>
    </message>
    <message>
        <source>Date: {value}</source>
        <translation>日期：{value}</translation>
    </message>
    <message>
        <source>File: {name} ({encoding}, {layout} layout)</source>
        <translation>檔案：{name}（{encoding}，{layout} 版面）</translation>
    </message>
    <message>
        <source>Unknown asker</source>
        <translation>提問人不詳</translation>
    </message>
    <message>
        <source>Question {n} of {total}: {who}</source>
        <translation>第 {n} 個提問（共 {total} 個）：{who}</translation>
    </message>
    <message>
        <source>interpretation of turn {turns}</source>
        <translation>第 {turns} 段發言的口譯</translation>
    </message>
    <message>
        <source>, on behalf of {speaker}</source>
        <translation>，代 {speaker} 發言</translation>
    </message>
    <message>
        <source>interpreted (original not in the source)</source>
        <translation>經口譯（來源中沒有原文）</translation>
    </message>
    <message>
        <source>Mandarin</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>mixed languages</source>
        <translation>中英混合</translation>
    </message>
    <message>
        <source> for {speaker}</source>
        <translation>（代 {speaker}）</translation>
    </message>
    <message>
        <source>Turn {n}: {speaker}, {kind}</source>
        <translation>第 {n} 段發言：{speaker}，{kind}</translation>
    </message>
    <message>
        <source>Doubt: {doubt}</source>
        <translation>存疑：{doubt}</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>大綱</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <source>Said at {time}</source>
        <translation>發言時間 {time}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all calls: words, &quot;a phrase&quot;, prefix*, 营收</source>
        <translation>搜尋所有法說會：詞語、&quot;片語&quot;、字首*、營收</translation>
    </message>
    <message>
        <source>Company or ticker</source>
        <translation>公司或股票代號</translation>
    </message>
    <message>
        <source>Q&amp;&amp;A only</source>
        <translation>僅問答環節</translation>
    </message>
    <message>
        <source>Management only</source>
        <translation>僅管理層</translation>
    </message>
    <message>
        <source>Highlighted</source>
        <translation>已標示重點</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>顯示更多</translation>
    </message>
    <message>
        <source>from</source>
        <translation>從</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜尋…</translation>
    </message>
    <message>
        <source>search failed</source>
        <translation>搜尋失敗</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>沒有結果</translation>
    </message>
    <message>
        <source>First {n} results</source>
        <translation>前 {n} 筆結果</translation>
    </message>
    <message>
        <source>{n} results</source>
        <translation>{n} 筆結果</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 筆結果</translation>
    </message>
</context>
<context>
    <name>ServerStatus</name>
    <message>
        <source>&amp;Use Local Library</source>
        <translation>使用本機資料庫(&amp;U)</translation>
    </message>
    <message>
        <source>Reopen the window on this computer&apos;s library file</source>
        <translation>在本機的資料庫檔案上重新開啟視窗</translation>
    </message>
    <message>
        <source>The team library cannot be opened: {reason}</source>
        <translation>無法開啟團隊資料庫：{reason}</translation>
    </message>
</context>
<context>
    <name>SessionTabs</name>
    <message>
        <source>Not reopened, no longer there: {names}</source>
        <translation>未重新開啟，檔案已不存在：{names}</translation>
    </message>
</context>
<context>
    <name>SideDocks</name>
    <message>
        <source>Show the library of calls</source>
        <translation>顯示法說會資料庫</translation>
    </message>
    <message>
        <source>Show the highlights of this call</source>
        <translation>顯示此法說會的重點標示</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Cleanup, Jump to Q&amp;A and the highlight colours</source>
        <translation>清理、跳到問答和重點標示顏色</translation>
    </message>
</context>
<context>
    <name>ViewAlignment</name>
    <message>
        <source>alignment failed</source>
        <translation>對照失敗</translation>
    </message>
</context>
<context>
    <name>ViewOptions</name>
    <message>
        <source>&amp;Join Spaced Chinese</source>
        <translation>合併中文空格(&amp;J)</translation>
    </message>
    <message>
        <source>Remove the spaces speech recognition put between Chinese characters</source>
        <translation>去除語音辨識在漢字之間插入的空格</translation>
    </message>
    <message>
        <source>&amp;Hide Fillers</source>
        <translation>隱藏語氣詞(&amp;H)</translation>
    </message>
    <message>
        <source>Hide hesitations such as 嗯, 呃, uh, um</source>
        <translation>隱藏「嗯」「呃」「uh」「um」等語氣詞</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>縮小文字</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>實際大小(&amp;A)</translation>
    </message>
    <message>
        <source>Text at the default size</source>
        <translation>文字恢復預設大小</translation>
    </message>
    <message>
        <source>Script: {script}</source>
        <translation>簡繁：{script}</translation>
    </message>
    <message>
        <source>Layout: {layout}</source>
        <translation>版面：{layout}</translation>
    </message>
</context>
<context>
    <name>WindowChrome</name>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>Chinese &amp;Script</source>
        <translation>中文簡繁(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>版面(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>註記(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具列</translation>
    </message>
    <message>
        <source>Show Chinese in another script</source>
        <translation>以另一種字形顯示中文</translation>
    </message>
    <message>
        <source>How original and interpretation are arranged</source>
        <translation>原文與口譯的排列方式</translation>
    </message>
    <message>
        <source>Show only what one speaker says</source>
        <translation>只顯示一位發言人的內容</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
